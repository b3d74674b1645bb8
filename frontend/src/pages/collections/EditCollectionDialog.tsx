import { useState, type FormEvent } from "react";
import { useUpdateCollection, type MovieCollection } from "../../api/collections";
import { ApiError } from "../../api/errors";
import { useRootFolders } from "../../api/library";
import type { MinimumAvailability } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/Feedback";
import { Checkbox, SelectField } from "../../components/Field";
import { AvailabilitySelect, QualityProfileSelect } from "../../components/MovieSettingsFields";
import { placeErrors } from "../../lib/validation";

const FIELDS = {
  monitored: "monitored",
  qualityProfileId: "profile",
  rootFolderPath: "rootFolder",
  minimumAvailability: "availability",
  searchOnAdd: "searchOnAdd",
};

/** A collection's options: whether it adds its films, and the profile, folder and availability they get. */
export function EditCollectionDialog({ collection, onClose }: { collection: MovieCollection; onClose: () => void }) {
  const rootFolders = useRootFolders();
  const update = useUpdateCollection();
  const [monitored, setMonitored] = useState(collection.monitored);
  const [profile, setProfile] = useState(collection.qualityProfileId);
  const [rootFolder, setRootFolder] = useState(collection.rootFolderPath);
  const [availability, setAvailability] = useState<MinimumAvailability>(collection.minimumAvailability);
  const [searchOnAdd, setSearchOnAdd] = useState(collection.searchOnAdd);
  const failures = update.error instanceof ApiError ? update.error.validationFailures : [];
  const errors = placeErrors(failures, FIELDS);
  const folders = rootFolders.data?.map((f) => f.path) ?? [];
  const knownFolder = folders.includes(rootFolder);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const changes = { monitored, qualityProfileId: profile, rootFolderPath: rootFolder, minimumAvailability: availability, searchOnAdd };
    update.mutate({ id: collection.id, changes }, { onSuccess: onClose });
  };

  return (
    <Dialog title={`Edit ${collection.title}`} open onClose={onClose}>
      <form className="form" onSubmit={onSubmit} aria-busy={update.isPending} aria-label={`Edit ${collection.title}`}>
        <Checkbox
          label="Monitored"
          name="monitored"
          checked={monitored}
          error={errors.fields.monitored}
          hint="A monitored collection adds its films that are out and not in the library."
          onChange={(e) => setMonitored(e.target.checked)}
        />
        <QualityProfileSelect value={profile} onChange={setProfile} error={errors.fields.profile} />
        <SelectField label="Root folder" name="rootFolderPath" value={rootFolder} error={errors.fields.rootFolder} onChange={(e) => setRootFolder(e.target.value)}>
          {!knownFolder && <option value={rootFolder}>{rootFolder || "—"}</option>}
          {folders.map((path) => (
            <option key={path} value={path}>
              {path}
            </option>
          ))}
        </SelectField>
        <AvailabilitySelect value={availability} onChange={setAvailability} error={errors.fields.availability} />
        <Checkbox
          label="Search on add"
          name="searchOnAdd"
          checked={searchOnAdd}
          error={errors.fields.searchOnAdd}
          hint="Search for each film the collection adds."
          onChange={(e) => setSearchOnAdd(e.target.checked)}
        />
        {errors.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {errors.general.join(" ")}
          </div>
        )}
        {update.isError && failures.length === 0 && <ErrorMessage error={update.error} title="Nothing was changed" />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
