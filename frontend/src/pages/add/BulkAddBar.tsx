import { useQualityProfiles, useRootFolders } from "../../api/library";
import { useAddDiscoverMovies, type DiscoverMovie } from "../../api/discover";
import { useSearchAvailability } from "../../api/queries";
import type { MinimumAvailability } from "../../api/types";
import { ErrorMessage } from "../../components/Feedback";
import { Checkbox, SelectField } from "../../components/Field";
import { AvailabilitySelect, QualityProfileSelect } from "../../components/MovieSettingsFields";
import { isBoolean, isNumber, isString, oneOf, useStoredState } from "../../hooks/useStoredState";
import { useToasts } from "../../live/LiveProvider";
import { bulkAddOutcome, type BulkAddChoices } from "../../lib/discover";
import { AVAILABILITIES } from "../../lib/movies";

const MONITOR_OPTIONS: Record<BulkAddChoices["monitor"], string> = {
  movieOnly: "Movie only",
  movieAndCollection: "Movie and collection",
  none: "None",
};

interface BulkAddBarProps {
  /** The chosen films, in the order shown. */
  chosen: readonly DiscoverMovie[];
  /** How many films can be chosen among those shown (what "Select all shown" takes). */
  selectable: number;
  allChosen: boolean;
  onToggleAll: () => void;
  onClear: () => void;
  onDone: () => void;
}

/** The bar under Discover in select mode: how many films are chosen, and how to add them all at once. */
export function BulkAddBar({ chosen, selectable, allChosen, onToggleAll, onClear, onDone }: BulkAddBarProps) {
  const rootFolders = useRootFolders();
  const profiles = useQualityProfiles();
  const add = useAddDiscoverMovies();
  const { show } = useToasts();
  const [storedRoot, setStoredRoot] = useStoredState("add.rootFolderPath", "", isString);
  const [storedProfile, setStoredProfile] = useStoredState("add.qualityProfileId", 0, isNumber);
  const [availability, setAvailability] = useStoredState<MinimumAvailability>("add.minimumAvailability", "released", oneOf(AVAILABILITIES));
  const [monitor, setMonitor] = useStoredState<BulkAddChoices["monitor"]>(
    "discover.monitor",
    "movieOnly",
    oneOf(Object.keys(MONITOR_OPTIONS) as BulkAddChoices["monitor"][]),
  );
  const [wantsSearch, setSearch] = useStoredState("add.searchForMovie", false, isBoolean);
  const searching = useSearchAvailability();
  const search = searching.state === "possible" && wantsSearch;
  // A remembered choice that no longer exists falls back to the first one.
  const rootFolder = rootFolders.data?.some((f) => f.path === storedRoot) ? storedRoot : (rootFolders.data?.[0]?.path ?? "");
  const profileId = profiles.data?.some((p) => p.id === storedProfile) ? storedProfile : (profiles.data?.[0]?.id ?? 0);
  const none = chosen.length === 0;

  const onAdd = () => {
    const choices: BulkAddChoices = { rootFolderPath: rootFolder, qualityProfileId: profileId, monitor, minimumAvailability: availability, searchForMovie: search };
    add.mutate(
      { movies: chosen, choices },
      {
        onSuccess: (added) => {
          const outcome = bulkAddOutcome(chosen.length, added);
          show({ kind: outcome.failed ? "failed" : "added", heading: outcome.heading, detail: outcome.detail });
          onClear();
        },
        onError: (error) => show({ kind: "failed", heading: "The films were not added", detail: error.message }),
      },
    );
  };

  return (
    <section className="mass-editor discover-bulk" aria-label="Add the selected films">
      <p className="mass-editor__count" role="status" data-testid="selected-count">
        {chosen.length === 1 ? "1 film selected" : `${chosen.length.toLocaleString()} films selected`}
      </p>
      <div className="discover-bulk__fields">
        <SelectField label="Root folder" name="bulkRootFolderPath" value={rootFolder} onChange={(e) => setStoredRoot(e.target.value)}>
          {rootFolders.data?.map((folder) => (
            <option key={folder.id} value={folder.path}>
              {folder.path}
            </option>
          ))}
        </SelectField>
        <QualityProfileSelect value={profileId} onChange={setStoredProfile} />
        <SelectField label="Monitor" name="monitor" value={monitor} onChange={(e) => setMonitor(e.target.value as BulkAddChoices["monitor"])}>
          {Object.entries(MONITOR_OPTIONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <AvailabilitySelect value={availability} onChange={setAvailability} />
        <Checkbox
          label="Start search for the films"
          name="bulkSearchForMovie"
          checked={search}
          disabled={searching.state !== "possible"}
          hint={searching.state === "impossible" ? searching.reason : undefined}
          onChange={(e) => setSearch(e.target.checked)}
        />
      </div>
      <div className="mass-editor__actions">
        <button type="button" className="button button--small" onClick={onToggleAll} disabled={selectable === 0}>
          {allChosen ? "Deselect all shown" : `Select all shown (${selectable.toLocaleString()})`}
        </button>
        <button type="button" className="button button--small" onClick={onClear} disabled={none}>
          Clear selection
        </button>
        <button type="button" className="button button--primary" onClick={onAdd} disabled={none || add.isPending || !rootFolder || !profileId}>
          {add.isPending ? "Adding…" : `Add ${chosen.length === 1 ? "1 film" : `${chosen.length} films`}`}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Done
        </button>
      </div>
      {rootFolders.data?.length === 0 && <p className="muted">There is no root folder yet: add one in Settings → Media management first.</p>}
      {add.isError && <ErrorMessage error={add.error} title="The films were not added" />}
    </section>
  );
}
