"""Custom format scoring: the cost of matching one release against TRaSH-Guides' Radarr collection.

Run: uv run python bench/customformats/bench.py [--seconds 10]

Times Reelarr's FormatMatcher (each distinct pattern once per release, only where the title holds
the strings the pattern needs) beside Radarr's own evaluation loop written plainly in Python (every
condition of every format runs its pattern on every release, as CustomFormatCalculationService
does) on the same regex engine, for the whole collection and for a typical profile's formats.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import regex

from reelarr.customformats.codec import specification_from_json
from reelarr.customformats.dotnet_regex import translate
from reelarr.customformats.input import FormatInput, release_input
from reelarr.customformats.matching import FormatMatcher, gigabytes
from reelarr.customformats.model import CustomFormat, Edition, ReleaseGroup, ReleaseTitle
from reelarr.languages import lang
from reelarr.parsing import parse_title

REPO_ROOT = Path(__file__).resolve().parents[2]
CF_DIR = REPO_ROOT / "tests" / "fixtures" / "trash_guides" / "radarr_cf"
CONFORMANCE = REPO_ROOT / "tests" / "fixtures" / "conformance" / "radarr-parser.dev.jsonl"
# The formats of TRaSH-Guides' "HD Bluray + WEB" profile, a typical set a user syncs.
TYPICAL = {
    "BR-DISK", "LQ", "LQ (Release Title)", "x265 (HD)", "3D", "Extras", "AV1", "Upscaled",
    "Repack/Proper", "Repack2", "Repack3", "HD Bluray Tier 01", "HD Bluray Tier 02",
    "HD Bluray Tier 03", "WEB Tier 01", "WEB Tier 02", "WEB Tier 03", "AMZN", "ATVP", "BCORE",
    "CRiT", "DSNP", "HBO", "HMAX", "Hulu", "iT", "MA", "MAX", "NF", "PCOK", "PMTP", "ROKU", "SHO",
    "STAN", "Generated Dynamic HDR", "Sing-Along Versions", "Obfuscated", "Retags", "Scene",
    "No-RlsGroup", "Bad Dual Groups", "Criterion Collection", "IMAX", "IMAX Enhanced",
}  # fmt: skip


def collection() -> list[CustomFormat]:
    """Every format of the pinned collection."""
    formats = []
    for index, path in enumerate(sorted(CF_DIR.glob("*.json")), start=1):
        guide = json.loads(path.read_text(encoding="utf-8"))
        specs = tuple(specification_from_json(s) for s in guide["specifications"])
        formats.append(CustomFormat(guide["name"], specs, guide["includeCustomFormatWhenRenaming"], index))
    return formats


def releases() -> list[FormatInput]:
    """The parser conformance inputs that read as releases, for a movie whose language is English."""
    inputs = []
    for line in CONFORMANCE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        for item in case.get("variants", [case]):
            info = parse_title(item.get("input_posix", item["input"]))
            if info is not None:
                inputs.append(
                    release_input(
                        info, size=gigabytes(8), movie_year=info.year, original_language=lang("English")
                    )
                )
    return inputs


class RadarrLoop:
    """Radarr's CustomFormatCalculationService as a plain loop, for formats whose conditions are all
    patterns: each condition owns its compiled pattern and runs it on every release; conditions are
    grouped by type, with required and negate; matched formats ordered by name."""

    def __init__(self, formats: Sequence[CustomFormat]) -> None:
        self.formats = []
        for custom_format in formats:
            specs = []
            for spec in custom_format.specifications:
                condition = spec.condition
                assert isinstance(condition, ReleaseTitle | Edition | ReleaseGroup)
                compiled = regex.compile(translate(condition.pattern), regex.V0 | regex.IGNORECASE)
                specs.append((spec, compiled))
            self.formats.append((custom_format, specs))

    def matches(self, subject: FormatInput) -> list[str]:
        """The names of the formats the release matches."""
        found = []
        for custom_format, specs in self.formats:
            groups: dict[str, list[bool]] = {}
            failed: set[str] = set()
            for spec, compiled in specs:
                condition = spec.condition
                if isinstance(condition, ReleaseTitle):
                    texts = (subject.release_title, subject.file_name)
                elif isinstance(condition, Edition):
                    texts = (subject.edition,)
                else:
                    texts = (subject.release_group,)
                held = any(t is not None and compiled.search(t) is not None for t in texts) != spec.negate
                groups.setdefault(spec.implementation, []).append(held)
                if spec.required and not held:
                    failed.add(spec.implementation)
            if all(any(h) and kind not in failed for kind, h in groups.items()):
                found.append(custom_format.name)
        return sorted(found)


def timed(
    match: Callable[[FormatInput], object], inputs: list[FormatInput], seconds: float
) -> tuple[float, float]:
    """Match the inputs round-robin for about `seconds`; returns (mean, median) microseconds per
    release (the median is what one release costs on a busy machine, the mean what a batch costs)."""
    for subject in inputs[:50]:
        match(subject)
    gc.collect()
    costs: list[float] = []
    clock = time.perf_counter
    start = clock()
    while clock() - start < seconds:
        for subject in inputs:
            began = clock()
            match(subject)
            costs.append(clock() - began)
    return statistics.fmean(costs) * 1e6, statistics.median(costs) * 1e6


def report(label: str, formats: list[CustomFormat], inputs: list[FormatInput], seconds: float) -> None:
    """Print both figures for one set of formats."""
    started = time.perf_counter()
    matcher = FormatMatcher(formats)
    built = time.perf_counter() - started
    mean, median = timed(matcher.matches, inputs, seconds)
    patterns_only = [f for f in formats if not _has_non_pattern(f)]
    ours = timed(FormatMatcher(patterns_only).matches, inputs, seconds / 2)
    theirs = timed(RadarrLoop(patterns_only).matches, inputs, seconds / 2)
    print(f"{label}: {len(formats)} formats, {matcher.pattern_count()} distinct patterns")
    print(f"  compiled in {built * 1000:.0f} ms (once, until a format changes)")
    print(
        f"  reelarr: {median:,.0f} us per release (median), {mean:,.0f} us mean"
        f" = {1e6 / mean:,.0f} releases/s"
    )
    print(
        f"  formats of patterns only ({len(patterns_only)}): reelarr {ours[1]:,.0f} us,"
        f" radarr-style loop {theirs[1]:,.0f} us per release (median; {theirs[1] / ours[1]:,.1f}x)"
    )


def _has_non_pattern(custom_format: CustomFormat) -> bool:
    return any(
        not isinstance(s.condition, ReleaseTitle | Edition | ReleaseGroup)
        for s in custom_format.specifications
    )


def main() -> None:
    """Print the per-release cost of custom format matching."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to time each matcher")
    args = parser.parse_args()
    formats = collection()
    inputs = releases()
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cpus, one process")
    print(f"inputs: {len(inputs)} parsed conformance titles (parsing not timed)")
    report("whole collection", formats, inputs, args.seconds)
    report("typical profile", [f for f in formats if f.name in TYPICAL], inputs, args.seconds)


if __name__ == "__main__":
    main()
