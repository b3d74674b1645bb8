import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useFilmCollection } from "../../api/collections";
import { ApiError } from "../../api/errors";
import { tagIdsFor, useAddMovie, useQualityProfiles, useRootFolders } from "../../api/library";
import { useSearchAvailability } from "../../api/queries";
import type { LibraryMovie, MinimumAvailability, Movie } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/Feedback";
import { Checkbox, SelectField } from "../../components/Field";
import { AvailabilitySelect, QualityProfileSelect } from "../../components/MovieSettingsFields";
import { TagsField } from "../../components/TagsField";
import { isBoolean, isNumber, isString, oneOf, useStoredState } from "../../hooks/useStoredState";
import { formatBytes } from "../../lib/format";
import { AVAILABILITIES } from "../../lib/movies";
import { placeErrors } from "../../lib/validation";

/** Which form field each server property belongs to. */
const FIELDS = {
  rootFolderPath: "rootFolder",
  path: "rootFolder",
  qualityProfileId: "profile",
  profileId: "profile",
  minimumAvailability: "availability",
  tags: "tags",
};

interface AddMovieDialogProps {
  movie: Movie;
  onClose: () => void;
  onAdded: (movie: LibraryMovie) => void;
}

/** The add form for one film; the last choices are remembered for the next one. */
export function AddMovieDialog({ movie, onClose, onAdded }: AddMovieDialogProps) {
  const client = useQueryClient();
  const rootFolders = useRootFolders();
  const profiles = useQualityProfiles();
  const add = useAddMovie();
  const [storedRoot, setStoredRoot] = useStoredState("add.rootFolderPath", "", isString);
  const [storedProfile, setStoredProfile] = useStoredState("add.qualityProfileId", 0, isNumber);
  const [availability, setAvailability] = useStoredState<MinimumAvailability>("add.minimumAvailability", "released", oneOf(AVAILABILITIES));
  const [monitored, setMonitored] = useStoredState("add.monitored", true, isBoolean);
  const [wantsSearch, setSearch] = useStoredState("add.searchForMovie", false, isBoolean);
  const searching = useSearchAvailability();
  // Offered only when it can happen; the remembered wish comes back once it can.
  const search = searching.state === "possible" && wantsSearch;
  const [tags, setTags] = useState<string[]>([]);
  const [withCollection, setWithCollection] = useState(false);
  const collection = useFilmCollection(movie);
  const [tagError, setTagError] = useState<unknown>(null);

  // A remembered choice that no longer exists falls back to the first one.
  const rootFolder = rootFolders.data?.some((f) => f.path === storedRoot) ? storedRoot : (rootFolders.data?.[0]?.path ?? "");
  const profileId = profiles.data?.some((p) => p.id === storedProfile) ? storedProfile : (profiles.data?.[0]?.id ?? 0);
  const failures = add.error instanceof ApiError ? add.error.validationFailures : [];
  const errors = placeErrors(failures, FIELDS);
  const noRootFolders = rootFolders.data?.length === 0;
  const title = `${movie.title}${movie.year ? ` (${movie.year})` : ""}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTagError(null);
    let tagIds: number[];
    try {
      tagIds = await tagIdsFor(client, tags);
    } catch (error) {
      setTagError(error);
      return;
    }
    add.mutate(
      {
        tmdbId: movie.tmdbId,
        title: movie.title,
        year: movie.year,
        qualityProfileId: profileId,
        rootFolderPath: rootFolder,
        monitored,
        minimumAvailability: availability,
        tags: tagIds,
        addOptions: { searchForMovie: search, ...(monitored && withCollection && collection ? { monitor: "movieAndCollection" as const } : {}) },
      },
      { onSuccess: onAdded },
    );
  };

  return (
    <Dialog title={`Add ${title}`} open onClose={onClose}>
      <form className="form" onSubmit={onSubmit} aria-busy={add.isPending} aria-label={`Add ${title}`}>
        {noRootFolders && (
          <div className="alert alert--error" role="alert">
            There is no root folder yet. Add one in <Link to="/settings/mediamanagement">Settings → Media management</Link> first.
          </div>
        )}
        <SelectField
          label="Root folder"
          name="rootFolderPath"
          required
          value={rootFolder}
          error={errors.fields.rootFolder}
          onChange={(e) => setStoredRoot(e.target.value)}
          hint={movie.folder ? `The movie goes into ${rootFolder ? `${rootFolder.replace(/\/+$/, "")}/` : ""}${movie.folder}` : undefined}
        >
          {rootFolders.data?.map((folder) => (
            <option key={folder.id} value={folder.path}>
              {folder.path} {folder.accessible ? `(${formatBytes(folder.freeSpace)} free)` : "(not accessible)"}
            </option>
          ))}
        </SelectField>
        <QualityProfileSelect required value={profileId} error={errors.fields.profile} onChange={setStoredProfile} />
        <AvailabilitySelect
          value={availability}
          error={errors.fields.availability}
          hint="When the movie counts as available for searching."
          onChange={setAvailability}
        />
        <TagsField value={tags} onChange={setTags} error={errors.fields.tags} />
        <Checkbox label="Monitored" name="monitored" checked={monitored} onChange={(e) => setMonitored(e.target.checked)} />
        {collection && (
          <Checkbox
            label={`Monitor ${collection.title} too`}
            name="monitorCollection"
            checked={monitored && withCollection}
            disabled={!monitored}
            hint="Its other films that are out are added with these settings."
            onChange={(e) => setWithCollection(e.target.checked)}
          />
        )}
        <Checkbox
          label="Start search for this movie"
          name="searchForMovie"
          checked={search}
          disabled={searching.state !== "possible"}
          hint={searching.state === "impossible" ? searching.reason : undefined}
          onChange={(e) => setSearch(e.target.checked)}
        />
        {errors.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {errors.general.join(" ")}
          </div>
        )}
        {add.isError && failures.length === 0 && <ErrorMessage error={add.error} title="Could not add the movie" />}
        {tagError !== null && <ErrorMessage error={tagError} title="Could not create the tags" />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={add.isPending || noRootFolders || !rootFolder || !profileId}>
            {add.isPending ? "Adding…" : "Add movie"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
