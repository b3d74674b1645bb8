"""Custom formats: conditions on a release's title, group, edition, languages, quality, size, flags
and year, matched as Radarr matches them (patterns with .NET's regular expression semantics)."""
