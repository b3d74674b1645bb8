import pytest

from reelarr.history.model import HistoryEventType


def test_event_types_have_radarrs_numbers_and_names() -> None:
    assert [(t.value, t.api_name) for t in HistoryEventType] == [
        (0, "unknown"),
        (1, "grabbed"),
        (3, "downloadFolderImported"),
        (4, "downloadFailed"),
        (6, "movieFileDeleted"),
        (7, "movieFolderImported"),
        (8, "movieFileRenamed"),
        (9, "downloadIgnored"),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, HistoryEventType.GRABBED),
        ("3", HistoryEventType.DOWNLOAD_FOLDER_IMPORTED),
        ("DownloadFailed", HistoryEventType.DOWNLOAD_FAILED),
        ("grabbed", HistoryEventType.GRABBED),
        (2, None),
        ("5", None),
        ("nonsense", None),
        ("99999999999999999999", None),
    ],
)
def test_parse_reads_numbers_and_names(value: str | int, expected: HistoryEventType | None) -> None:
    assert HistoryEventType.parse(value) is expected
