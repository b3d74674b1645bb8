import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/errors";
import { tagIdsFor, useRootFolders, useUpdateMovie } from "../../api/library";
import type { LibraryMovie, MinimumAvailability } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/Feedback";
import { Checkbox, Field, SelectField } from "../../components/Field";
import { AvailabilitySelect, QualityProfileSelect } from "../../components/MovieSettingsFields";
import { TagsField, useTagLabels } from "../../components/TagsField";
import { placeErrors } from "../../lib/validation";

const FIELDS = {
  path: "path",
  rootFolderPath: "rootFolder",
  qualityProfileId: "profile",
  minimumAvailability: "availability",
  tags: "tags",
};

const trimSlashes = (path: string) => path.replace(/\/+$/, "");
const folderName = (path: string) => trimSlashes(path).split("/").pop() ?? "";

/** Monitoring, profile, availability, where the movie lives (optionally moving its files) and tags. */
export function EditMovieDialog({ movie, onClose }: { movie: LibraryMovie; onClose: () => void }) {
  const client = useQueryClient();
  const rootFolders = useRootFolders();
  const update = useUpdateMovie();
  const [monitored, setMonitored] = useState(movie.monitored);
  const [profileId, setProfileId] = useState(movie.qualityProfileId);
  const [availability, setAvailability] = useState<MinimumAvailability>(movie.minimumAvailability);
  const [rootFolder, setRootFolder] = useState(movie.rootFolderPath ?? "");
  const [path, setPath] = useState(movie.path ?? "");
  const [moveFiles, setMoveFiles] = useState(false);
  const initialTags = useTagLabels(movie.tags);
  const [tags, setTags] = useState<string[] | null>(null);
  const [tagError, setTagError] = useState<unknown>(null);
  const failures = update.error instanceof ApiError ? update.error.validationFailures : [];
  const errors = placeErrors(failures, FIELDS);
  const pathChanged = trimSlashes(path) !== trimSlashes(movie.path ?? "");
  const rootOptions = rootFolders.data?.map((f) => f.path) ?? [];
  if (rootFolder && !rootOptions.some((p) => trimSlashes(p) === trimSlashes(rootFolder))) rootOptions.unshift(rootFolder);

  const onRootFolder = (root: string) => {
    setRootFolder(root);
    setPath(`${trimSlashes(root)}/${folderName(path || movie.path || movie.title)}`);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTagError(null);
    let tagIds = movie.tags;
    if (tags !== null) {
      try {
        tagIds = await tagIdsFor(client, tags);
      } catch (error) {
        setTagError(error);
        return;
      }
    }
    update.mutate(
      {
        movie: {
          ...movie,
          monitored,
          qualityProfileId: profileId,
          minimumAvailability: availability,
          rootFolderPath: rootFolder,
          path: path.trim(),
          tags: tagIds,
        },
        moveFiles: pathChanged && moveFiles,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Dialog title={`Edit ${movie.title}`} open onClose={onClose}>
      <form className="form" onSubmit={onSubmit} aria-busy={update.isPending} aria-label={`Edit ${movie.title}`}>
        <Checkbox label="Monitored" name="monitored" checked={monitored} onChange={(e) => setMonitored(e.target.checked)} />
        <QualityProfileSelect value={profileId} error={errors.fields.profile} onChange={setProfileId} />
        <AvailabilitySelect value={availability} error={errors.fields.availability} onChange={setAvailability} />
        <SelectField
          label="Root folder"
          name="rootFolderPath"
          value={rootFolder}
          error={errors.fields.rootFolder}
          onChange={(e) => onRootFolder(e.target.value)}
        >
          {rootOptions.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <Field
          label="Path"
          name="path"
          spellCheck={false}
          autoComplete="off"
          value={path}
          error={errors.fields.path}
          onChange={(e) => setPath(e.target.value)}
        />
        {pathChanged && (
          <Checkbox
            label="Move files to the new path"
            name="moveFiles"
            checked={moveFiles}
            hint={moveFiles ? "The folder and its files are moved in the background." : "Only the path Reelarr uses changes; the files stay where they are."}
            onChange={(e) => setMoveFiles(e.target.checked)}
          />
        )}
        <TagsField value={tags ?? initialTags} onChange={setTags} error={errors.fields.tags} />
        {errors.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {errors.general.join(" ")}
          </div>
        )}
        {update.isError && failures.length === 0 && <ErrorMessage error={update.error} title="Could not save" />}
        {tagError !== null && <ErrorMessage error={tagError} title="Could not create the tags" />}
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
