"""Rewrite src/reelarr/localization/en.json: the keys of Radarr's English strings whose text Reelarr's
UI shows as it is, so /api/v3/localization answers in Radarr's shape with nothing the UI lacks.

Usage: python scripts/localization_strings.py <Radarr's src/NzbDrone.Core/Localization/Core/en.json>
(e.g. `git --git-dir=<Radarr mirror> show HEAD:src/NzbDrone.Core/Localization/Core/en.json > en.json`).
Run from the repository root after the UI's wording changes.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def shown_strings(radarr: dict[str, str], ui_source: str) -> dict[str, str]:
    """Radarr's entries whose text (without tokens) is a literal or JSX text in the UI's source."""
    found = {}
    for key, text in radarr.items():
        if "{" in text or len(text) < 2:
            continue
        quoted = re.escape(text)
        if re.search(r"[\"'`]" + quoted + r"[\"'`]", ui_source) or re.search(
            r">\s*" + quoted + r"\s*<", ui_source
        ):
            found[key] = text
    return found


def main() -> None:
    """Read Radarr's en.json from argv, write Reelarr's."""
    radarr = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    files = sorted(Path("frontend/src").rglob("*.ts*"))
    source = "\n".join(p.read_text(encoding="utf-8") for p in files if ".test." not in p.name)
    found = shown_strings(radarr, source)
    target = Path("src/reelarr/localization/en.json")
    target.write_text(
        json.dumps(found, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(found)} strings written to {target}")


if __name__ == "__main__":
    main()
