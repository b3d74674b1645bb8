"""RefreshCollections: collections from TMDB again, and the missing films of the monitored ones added."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from pydantic import Field

from reelarr.collections.library import CollectionLibrary
from reelarr.collections.model import Collection
from reelarr.collections.sync import refresh_due
from reelarr.errors import RemoteError
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec, CommandTrigger

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
# Radarr's interval for its scheduled RefreshCollections (minutes).
REFRESH_COLLECTIONS_MINUTES = 24 * 60


class RefreshCollectionsBody(CommandBody):
    """Which collections to refresh; none means every one (those due, or all when asked by hand)."""

    collection_ids: list[int] = Field(default_factory=list)


def refresh_collections_command(library: CollectionLibrary, clock: Clock) -> CommandSpec:
    """RefreshCollections: find the library's collections, refresh them from TMDB, add what monitored
    ones are missing, and drop those no film of the library belongs to any more."""

    async def run(body: RefreshCollectionsBody, ctx: CommandContext) -> str:
        if body.collection_ids:
            known = (await library.collections.tmdb_ids()).values()
            # One removed since the command was queued has nothing left to refresh.
            targets = await library.collections.get_many([i for i in body.collection_ids if i in known])
        else:
            await library.discover()
            await library.prune()
            targets = await library.collections.all()
        now = clock()
        added = 0
        for index, collection in enumerate(targets, start=1):
            await ctx.progress(f"Updating info for {collection.title} ({index}/{len(targets)})")
            fresh: Collection | None = collection
            if body.collection_ids or ctx.trigger is CommandTrigger.MANUAL or refresh_due(collection, now):
                try:
                    fresh = await library.refresh(collection)
                except RemoteError as error:
                    if body.collection_ids:
                        raise
                    log.warning("Collection %s was not refreshed: %s", collection.title, error)
            if fresh is not None:
                outcome = await library.add_missing(fresh)
                added += len(outcome.added) if outcome is not None else 0
        return f"Refreshed {len(targets)} collection(s), added {added} movie(s)"

    return CommandSpec("RefreshCollections", run, body=RefreshCollectionsBody)
