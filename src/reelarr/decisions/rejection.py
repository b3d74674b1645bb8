"""Why a release was refused: Radarr's reasons, a message for the user, and whether it may pass later."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum


class Reason(StrEnum):
    """Radarr's DownloadRejectionReason names (camelCase, as its API sends them)."""

    UNKNOWN_MOVIE = "unknownMovie"
    UNABLE_TO_PARSE = "unableToParse"
    DECISION_ERROR = "decisionError"
    AVAILABILITY = "availability"
    MINIMUM_AGE_DELAY = "minimumAgeDelay"
    MOVIE_NOT_MONITORED = "movieNotMonitored"
    NO_MATCHING_TAG = "noMatchingTag"
    PROPERS_DISABLED = "propersDisabled"
    PROPER_FOR_OLD_FILE = "properForOldFile"
    WRONG_MOVIE = "wrongMovie"
    UNKNOWN_RUNTIME = "unknownRuntime"
    BELOW_MINIMUM_SIZE = "belowMinimumSize"
    ABOVE_MAXIMUM_SIZE = "aboveMaximumSize"
    INDEXER_DISABLED = "indexerDisabled"
    BLOCKLISTED = "blocklisted"
    CUSTOM_FORMAT_MINIMUM_SCORE = "customFormatMinimumScore"
    MINIMUM_FREE_SPACE = "minimumFreeSpace"
    HARDCODE_SUBTITLES = "hardcodeSubtitles"
    WANTED_LANGUAGE = "wantedLanguage"
    MAXIMUM_SIZE_EXCEEDED = "maximumSizeExceeded"
    MINIMUM_AGE = "minimumAge"
    MAXIMUM_AGE = "maximumAge"
    SAMPLE = "sample"
    PROTOCOL_DISABLED = "protocolDisabled"
    QUALITY_NOT_WANTED = "qualityNotWanted"
    QUALITY_UPGRADES_DISABLED = "qualityUpgradesDisabled"
    RAW = "raw"
    MUST_CONTAIN_MISSING = "mustContainMissing"
    MUST_NOT_CONTAIN_PRESENT = "mustNotContainPresent"
    REPACK_DISABLED = "repackDisabled"
    REPACK_UNKNOWN_RELEASE_GROUP = "repackUnknownReleaseGroup"
    REPACK_RELEASE_GROUP_DOES_NOT_MATCH = "repackReleaseGroupDoesNotMatch"
    REQUIRED_FLAGS = "requiredFlags"
    MINIMUM_SEEDERS = "minimumSeeders"
    DISK_HIGHER_PREFERENCE = "diskHigherPreference"
    DISK_HIGHER_REVISION = "diskHigherRevision"
    DISK_CUTOFF_MET = "diskCutoffMet"
    DISK_CUSTOM_FORMAT_CUTOFF_MET = "diskCustomFormatCutoffMet"
    DISK_CUSTOM_FORMAT_SCORE = "diskCustomFormatScore"
    DISK_CUSTOM_FORMAT_SCORE_INCREMENT = "diskCustomFormatScoreIncrement"
    DISK_UPGRADES_NOT_ALLOWED = "diskUpgradesNotAllowed"
    HISTORY_RECENT_CUTOFF_MET = "historyRecentCutoffMet"
    HISTORY_HIGHER_PREFERENCE = "historyHigherPreference"
    QUEUE_UPGRADES_NOT_ALLOWED = "queueUpgradesNotAllowed"
    QUEUE_CUTOFF_MET = "queueCutoffMet"
    QUEUE_HIGHER_PREFERENCE = "queueHigherPreference"


class Priority(IntEnum):
    """When a check runs: cheap ones first; later groups run only when every earlier check passed."""

    DEFAULT = 0
    DATABASE = 1
    DISK = 2


@dataclass(frozen=True, slots=True)
class Rejection:
    """One refusal: the reason's name, the message shown as is, and whether it is only for now."""

    reason: Reason
    message: str
    temporary: bool = False
