import { useState } from "react";
import { useQualityProfiles } from "../../api/library";
import { useSearchAvailability } from "../../api/queries";
import type { MinimumAvailability } from "../../api/types";
import { Checkbox } from "../../components/Field";
import { AvailabilitySelect, QualityProfileSelect } from "../../components/MovieSettingsFields";
import { TagsField } from "../../components/TagsField";
import { isBoolean, isNumber, oneOf, useStoredState } from "../../hooks/useStoredState";
import { AVAILABILITIES } from "../../lib/movies";
import type { SearchAvailability } from "../../lib/search";

export interface ImportSettingsState {
  /** 0 until the profiles are known. */
  qualityProfileId: number;
  minimumAvailability: MinimumAvailability;
  monitored: boolean;
  /** Search after adding: only when searching can happen (see `searching`). */
  searchForMovie: boolean;
  searching: SearchAvailability;
  /** Labels; new ones are created on import. */
  tags: string[];
  set: {
    qualityProfileId: (id: number) => void;
    minimumAvailability: (value: MinimumAvailability) => void;
    monitored: (value: boolean) => void;
    searchForMovie: (value: boolean) => void;
    tags: (labels: string[]) => void;
  };
}

/** The settings every imported film gets; the last choices are remembered for the next import. */
export function useImportSettings(): ImportSettingsState {
  const profiles = useQualityProfiles();
  const [storedProfile, setProfile] = useStoredState("import.qualityProfileId", 0, isNumber);
  const [minimumAvailability, setAvailability] = useStoredState<MinimumAvailability>(
    "import.minimumAvailability",
    "released",
    oneOf(AVAILABILITIES),
  );
  const [monitored, setMonitored] = useStoredState("import.monitored", true, isBoolean);
  const [wantsSearch, setSearch] = useStoredState("import.searchForMovie", false, isBoolean);
  const searching = useSearchAvailability();
  const [tags, setTags] = useState<string[]>([]);
  // A remembered profile that no longer exists falls back to the first one.
  const qualityProfileId = profiles.data?.some((p) => p.id === storedProfile) ? storedProfile : (profiles.data?.[0]?.id ?? 0);
  return {
    qualityProfileId,
    minimumAvailability,
    monitored,
    searchForMovie: searching.state === "possible" && wantsSearch,
    searching,
    tags,
    set: { qualityProfileId: setProfile, minimumAvailability: setAvailability, monitored: setMonitored, searchForMovie: setSearch, tags: setTags },
  };
}

interface ImportSettingsProps {
  settings: ImportSettingsState;
  /** Server messages for the fields, by field name. */
  errors: Record<string, string>;
}

export function ImportSettings({ settings, errors }: ImportSettingsProps) {
  return (
    <section className="panel" aria-labelledby="import-settings-heading">
      <h2 id="import-settings-heading">Settings for the imported movies</h2>
      <div className="form-grid">
        <QualityProfileSelect required value={settings.qualityProfileId} error={errors.profile} onChange={settings.set.qualityProfileId} />
        <AvailabilitySelect value={settings.minimumAvailability} error={errors.availability} onChange={settings.set.minimumAvailability} />
        <TagsField value={settings.tags} onChange={settings.set.tags} error={errors.tags} />
      </div>
      <div className="import-settings__checks">
        <Checkbox label="Monitored" name="monitored" checked={settings.monitored} onChange={(e) => settings.set.monitored(e.target.checked)} />
        <Checkbox
          label="Start searching for missing movies"
          name="searchForMovie"
          checked={settings.searchForMovie}
          disabled={settings.searching.state !== "possible"}
          hint={settings.searching.state === "impossible" ? settings.searching.reason : undefined}
          onChange={(e) => settings.set.searchForMovie(e.target.checked)}
        />
      </div>
    </section>
  );
}
