import type { ImportList, MinimumAvailability, MonitorType } from "../../../api/importLists";
import { useQualityProfiles, useRootFolders } from "../../../api/library";
import { Checkbox, SelectField } from "../../../components/Field";
import { ProviderDialog } from "../../../components/providers/ProviderDialog";

const OWN = ["enabled", "enableAuto", "monitor", "minimumAvailability", "qualityProfileId", "rootFolderPath", "searchOnAdd"];

const MONITOR: { value: MonitorType; label: string }[] = [
  { value: "movieOnly", label: "Movie only" },
  { value: "movieAndCollection", label: "Movie and collection" },
  { value: "none", label: "None" },
];

const AVAILABILITY: { value: MinimumAvailability; label: string }[] = [
  { value: "announced", label: "Announced" },
  { value: "inCinemas", label: "In cinemas" },
  { value: "released", label: "Released" },
];

/**
 * Radarr's import list form: Enable and Enable automatic add, the list's settings drawn from its
 * schema, how the films it adds are set up (monitor, availability, profile, root folder, search), and
 * tags given to them.
 */
export function ImportListDialog({ list, onClose }: { list: ImportList; onClose: () => void }) {
  const profiles = useQualityProfiles();
  const roots = useRootFolders();
  return (
    <ProviderDialog<ImportList>
      family="importlist"
      noun="list"
      provider={list}
      own={OWN}
      onClose={onClose}
      tagsHint="The films this list adds get these tags."
      testPassed="Test passed: the list answered with films."
      before={({ draft, update, errors }) => (
        <>
          <Checkbox label="Enable" checked={draft.enabled} error={errors.enabled} hint="Only enabled lists are synced." onChange={(e) => update({ enabled: e.target.checked })} />
          <Checkbox
            label="Enable automatic add"
            checked={draft.enableAuto}
            error={errors.enableAuto}
            hint="Add the list's films to the library on each sync; off, they are only offered in Discover."
            onChange={(e) => update({ enableAuto: e.target.checked })}
          />
        </>
      )}
      after={({ draft, update, errors }) => (
        <fieldset className="fieldset options-group">
          <legend>Films added from this list</legend>
          <SelectField label="Monitor" value={draft.monitor} error={errors.monitor} onChange={(e) => update({ monitor: e.target.value as MonitorType })}>
            {MONITOR.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Minimum availability"
            value={draft.minimumAvailability}
            error={errors.minimumAvailability}
            onChange={(e) => update({ minimumAvailability: e.target.value as MinimumAvailability })}
          >
            {AVAILABILITY.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Quality profile"
            value={draft.qualityProfileId || ""}
            error={errors.qualityProfileId}
            onChange={(e) => update({ qualityProfileId: Number(e.target.value) })}
          >
            <option value="">Choose a profile</option>
            {(profiles.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Root folder" value={draft.rootFolderPath} error={errors.rootFolderPath} onChange={(e) => update({ rootFolderPath: e.target.value })}>
            <option value="">Choose a root folder</option>
            {(roots.data ?? []).map((r) => (
              <option key={r.id} value={r.path}>
                {r.path}
              </option>
            ))}
          </SelectField>
          <Checkbox
            label="Search on add"
            checked={draft.searchOnAdd}
            error={errors.searchOnAdd}
            hint="Search for each monitored film as the list adds it."
            onChange={(e) => update({ searchOnAdd: e.target.checked })}
          />
        </fieldset>
      )}
    />
  );
}
