import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useMovies } from "../../../api/library";
import { useDeleteTag, useTagDetails } from "../../../api/settings";
import type { LibraryMovie, TagDetails } from "../../../api/types";
import { Dialog } from "../../../components/Dialog";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { movieAddress } from "../../../routes/addresses";
import "../settings.css";
import { AutoTagging } from "./AutoTagging";

type UsageKind = Exclude<keyof TagDetails, "id" | "label">;

/** What uses a tag, as Radarr's tag settings name it (singular, plural). */
const USAGE: [UsageKind, string, string][] = [
  ["movieIds", "movie", "movies"],
  ["indexerIds", "indexer", "indexers"],
  ["downloadClientIds", "download client", "download clients"],
  ["importListIds", "import list", "import lists"],
  ["notificationIds", "connection", "connections"],
  ["delayProfileIds", "delay profile", "delay profiles"],
  ["releaseProfileIds", "release profile", "release profiles"],
  ["autoTagIds", "auto tagging rule", "auto tagging rules"],
];
const MOVIES_SHOWN = 5;

const isUsed = (tag: TagDetails) => USAGE.some(([kind]) => tag[kind].length > 0);

function Usage({ tag, movies }: { tag: TagDetails; movies: Map<number, LibraryMovie> }) {
  if (!isUsed(tag)) return <p className="muted">Not used</p>;
  const used = tag.movieIds.map((id) => movies.get(id)).filter((m): m is LibraryMovie => m !== undefined);
  return (
    <ul className="tag-card__usage" aria-label={`What uses ${tag.label}`}>
      {USAGE.filter(([kind]) => tag[kind].length > 0).map(([kind, one, many]) => (
        <li key={kind}>
          {tag[kind].length === 1 ? `1 ${one}` : `${tag[kind].length.toLocaleString()} ${many}`}
          {kind === "movieIds" && used.length > 0 && (
            <>
              {": "}
              {used.slice(0, MOVIES_SHOWN).map((movie, i) => (
                <span key={movie.id}>
                  {i > 0 && ", "}
                  <Link to={movieAddress(movie)}>{movie.title}</Link>
                </span>
              ))}
              {tag.movieIds.length > MOVIES_SHOWN && ` and ${(tag.movieIds.length - MOVIES_SHOWN).toLocaleString()} more`}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function DeleteTagDialog({ tag, onClose }: { tag: TagDetails; onClose: () => void }) {
  const remove = useDeleteTag();
  return (
    <Dialog title={`Delete tag ${tag.label}`} open onClose={onClose}>
      <p>
        Delete the tag <strong>{tag.label}</strong>? Nothing uses it.
      </p>
      {remove.isError && <ErrorMessage error={remove.error} title="Could not delete" />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate(tag.id, { onSuccess: onClose })}>
          {remove.isPending ? "Deleting…" : "Delete"}
        </button>
      </div>
    </Dialog>
  );
}

/** Radarr's Settings → Tags: every tag with what uses it; one nothing uses can be deleted. */
export function TagsPage() {
  const tags = useTagDetails();
  const movies = useMovies();
  const [deleting, setDeleting] = useState<TagDetails | null>(null);
  const byId = useMemo(() => new Map(movies.data?.map((m) => [m.id, m])), [movies.data]);

  return (
    <>
      <h1>Tags</h1>
      <section className="panel" aria-labelledby="tags-heading">
        <h2 id="tags-heading">Tags</h2>
        <p className="muted">
          Tags tie movies to indexers, download clients, lists and profiles that carry the same tag. Add them to movies when
          adding or editing them, or to many at once with the library's mass editor.
        </p>
        {tags.isPending && <Loading what="tags" />}
        {tags.isError && <ErrorMessage error={tags.error} title="Tags unavailable" />}
        {tags.data?.length === 0 && <p>No tags yet.</p>}
        {tags.data && tags.data.length > 0 && (
          <ul className="tag-cards" aria-label="Tags">
            {tags.data.map((tag) => (
              <li key={tag.id} className="tag-card">
                <article aria-labelledby={`tag-${tag.id}`}>
                  <h3 id={`tag-${tag.id}`} className="tag-card__label">
                    {tag.label}
                  </h3>
                  <Usage tag={tag} movies={byId} />
                  <div className="tag-card__actions">
                    <button
                      type="button"
                      className="button button--small button--danger-quiet"
                      aria-label={`Delete tag ${tag.label}`}
                      disabled={isUsed(tag)}
                      title={isUsed(tag) ? "In use: remove it from what uses it first" : undefined}
                      onClick={() => setDeleting(tag)}
                    >
                      Delete
                    </button>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
      <AutoTagging />
      {deleting && <DeleteTagDialog tag={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
