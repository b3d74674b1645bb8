import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/errors";
import { libraryKeys, tagIdsFor, useQualityProfiles, useRootFolders } from "../../api/library";
import { useEditMovies, type ApplyTags } from "../../api/settings";
import type { MinimumAvailability, Tag } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/Feedback";
import { Checkbox, SelectField } from "../../components/Field";
import { TagsField } from "../../components/TagsField";
import { changesSomething, editorBody, NO_CHANGES, type EditorChoices } from "../../lib/massEditor";
import { AVAILABILITIES, AVAILABILITY_LABELS } from "../../lib/movies";
import { placeErrors } from "../../lib/validation";

const FIELDS = {
  monitored: "monitored",
  qualityProfileId: "profile",
  minimumAvailability: "availability",
  rootFolderPath: "rootFolder",
  path: "rootFolder",
  tags: "tags",
  applyTags: "tags",
};
const NO_CHANGE = "No change";

/** Tag ids for labels; removing never creates a tag (an unknown label is on no movie anyway). */
async function tagIds(client: ReturnType<typeof useQueryClient>, labels: string[], how: ApplyTags): Promise<number[]> {
  if (how !== "remove") return tagIdsFor(client, labels);
  const known = client.getQueryData<Tag[]>(libraryKeys.tags) ?? [];
  return known.filter((tag) => labels.includes(tag.label.toLowerCase())).map((tag) => tag.id);
}

/** One change to every chosen movie: monitoring, profile, availability, root folder, tags. */
export function EditMoviesDialog({ movieIds, onClose }: { movieIds: number[]; onClose: () => void }) {
  const client = useQueryClient();
  const profiles = useQualityProfiles();
  const rootFolders = useRootFolders();
  const edit = useEditMovies();
  const [choices, setChoices] = useState<EditorChoices>(NO_CHANGES);
  const [tagLabels, setTagLabels] = useState<string[]>([]);
  const [tagError, setTagError] = useState<unknown>(null);
  const failures = edit.error instanceof ApiError ? edit.error.validationFailures : [];
  const errors = placeErrors(failures, FIELDS);
  const choose = (patch: Partial<EditorChoices>) => {
    setChoices({ ...choices, ...patch });
    if (edit.isError) edit.reset();
  };
  const count = movieIds.length === 1 ? "1 movie" : `${movieIds.length.toLocaleString()} movies`;
  const changesTags = tagLabels.length > 0 || choices.applyTags === "replace";
  const nothing = !changesSomething(editorBody(movieIds, choices)) && !changesTags;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTagError(null);
    let ids: number[] = [];
    try {
      ids = await tagIds(client, tagLabels, choices.applyTags);
    } catch (error) {
      setTagError(error);
      return;
    }
    // Removing only unknown labels removes nothing: leave the tags out then.
    const tags = choices.applyTags === "remove" && ids.length === 0 ? { tagIds: [], applyTags: "add" as const } : { tagIds: ids };
    edit.mutate(editorBody(movieIds, { ...choices, ...tags }), { onSuccess: onClose });
  };

  return (
    <Dialog title={`Edit ${count}`} open onClose={onClose}>
      <form className="form" onSubmit={onSubmit} aria-busy={edit.isPending} aria-label={`Edit ${count}`}>
        <p className="muted">Only the settings you change are applied; the rest stays as each movie has it.</p>
        <SelectField
          label="Monitored"
          name="monitored"
          value={choices.monitored}
          error={errors.fields.monitored}
          onChange={(e) => choose({ monitored: e.target.value as EditorChoices["monitored"] })}
        >
          <option value="">{NO_CHANGE}</option>
          <option value="monitored">Monitored</option>
          <option value="unmonitored">Unmonitored</option>
        </SelectField>
        <SelectField
          label="Quality profile"
          name="qualityProfileId"
          value={choices.qualityProfileId}
          error={errors.fields.profile}
          onChange={(e) => choose({ qualityProfileId: e.target.value === "" ? "" : Number(e.target.value) })}
        >
          <option value="">{NO_CHANGE}</option>
          {profiles.data?.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Minimum availability"
          name="minimumAvailability"
          value={choices.minimumAvailability}
          error={errors.fields.availability}
          onChange={(e) => choose({ minimumAvailability: e.target.value as MinimumAvailability | "" })}
        >
          <option value="">{NO_CHANGE}</option>
          {AVAILABILITIES.map((a) => (
            <option key={a} value={a}>
              {AVAILABILITY_LABELS[a]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Root folder"
          name="rootFolderPath"
          value={choices.rootFolderPath}
          error={errors.fields.rootFolder}
          hint={choices.rootFolderPath ? "Each movie keeps its folder name, inside the new root folder." : undefined}
          onChange={(e) => choose({ rootFolderPath: e.target.value })}
        >
          <option value="">{NO_CHANGE}</option>
          {rootFolders.data?.map((folder) => (
            <option key={folder.id} value={folder.path}>
              {folder.path}
            </option>
          ))}
        </SelectField>
        {choices.rootFolderPath && (
          <Checkbox
            label="Move files to the new root folder"
            name="moveFiles"
            checked={choices.moveFiles}
            hint={choices.moveFiles ? "The folders and their files are moved in the background." : "Only the paths Reelarr uses change; the files stay where they are."}
            onChange={(e) => choose({ moveFiles: e.target.checked })}
          />
        )}
        <TagsField value={tagLabels} onChange={setTagLabels} error={errors.fields.tags} />
        <SelectField
          label="Apply tags"
          name="applyTags"
          value={choices.applyTags}
          hint={
            choices.applyTags === "replace"
              ? tagLabels.length > 0
                ? "Each movie gets exactly these tags."
                : "Each movie's tags are all removed."
              : choices.applyTags === "remove"
                ? "These tags are taken off each movie."
                : "These tags are added to each movie's own."
          }
          onChange={(e) => choose({ applyTags: e.target.value as ApplyTags })}
        >
          <option value="add">Add</option>
          <option value="remove">Remove</option>
          <option value="replace">Replace</option>
        </SelectField>
        {errors.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {errors.general.join(" ")}
          </div>
        )}
        {edit.isError && failures.length === 0 && <ErrorMessage error={edit.error} title="Nothing was changed" />}
        {tagError !== null && <ErrorMessage error={tagError} title="Could not create the tags" />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={edit.isPending || nothing}>
            {edit.isPending ? "Saving…" : `Apply to ${count}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
