"""Imports every package's tables so the shared metadata is complete (for migrations and tests)."""

from reelarr.auth import tables as auth_tables
from reelarr.autotagging import tables as autotagging_tables
from reelarr.blocklist import tables as blocklist_tables
from reelarr.collections import tables as collections_tables
from reelarr.configuration import tables as configuration_tables
from reelarr.customfilters import tables as customfilters_tables
from reelarr.customformats import tables as customformats_tables
from reelarr.db import shared_events as shared_events_tables
from reelarr.db.base import Base
from reelarr.decisionlog import tables as decisionlog_tables
from reelarr.delayprofiles import tables as delayprofiles_tables
from reelarr.extras import tables as extras_tables
from reelarr.history import tables as history_tables
from reelarr.importlists import tables as importlists_tables
from reelarr.imports import tables as imports_tables
from reelarr.indexers import tables as indexers_tables
from reelarr.jobs import tables as jobs_tables
from reelarr.movies import tables as movies_tables
from reelarr.naming import tables as naming_tables
from reelarr.providers import tables as providers_tables
from reelarr.quality import tables as quality_tables
from reelarr.releaseprofiles import tables as releaseprofiles_tables
from reelarr.remotepathmappings import tables as remotepathmappings_tables
from reelarr.renaming import tables as renaming_tables
from reelarr.rootfolders import tables as rootfolders_tables
from reelarr.tags import tables as tags_tables

__all__ = [
    "Base",
    "auth_tables",
    "autotagging_tables",
    "blocklist_tables",
    "collections_tables",
    "configuration_tables",
    "customfilters_tables",
    "customformats_tables",
    "decisionlog_tables",
    "delayprofiles_tables",
    "extras_tables",
    "history_tables",
    "importlists_tables",
    "imports_tables",
    "indexers_tables",
    "jobs_tables",
    "movies_tables",
    "naming_tables",
    "providers_tables",
    "quality_tables",
    "releaseprofiles_tables",
    "remotepathmappings_tables",
    "renaming_tables",
    "rootfolders_tables",
    "shared_events_tables",
    "tags_tables",
]
