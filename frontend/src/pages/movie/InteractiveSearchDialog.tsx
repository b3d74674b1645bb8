import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "react-router";
import { useIndexers } from "../../api/providers";
import { releaseKeys, useInteractiveSearch } from "../../api/releases";
import type { LibraryMovie } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/Feedback";
import { ReleaseTable } from "./ReleaseTable";

function NoInteractiveIndexer() {
  const indexers = useIndexers();
  if (!indexers.data || indexers.data.some((i) => i.enableInteractiveSearch)) return null;
  return (
    <div className="alert alert--notice">
      No indexer has interactive search on, so there is nothing to ask. <Link to="/settings/indexers">Set one up in Settings → Indexers.</Link>
    </div>
  );
}

/**
 * Radarr's interactive search: every indexer with interactive search is asked now, and every
 * release comes back with its quality, score and Reelarr's decision. Grabbing one arrives with
 * download clients; until then the table shows what would be taken and why the rest would not.
 */
export function InteractiveSearchDialog({ movie, onClose }: { movie: LibraryMovie; onClose: () => void }) {
  const client = useQueryClient();
  const search = useInteractiveSearch(movie.id, true);
  const found = search.data;
  // The search's decisions are kept: the film's decision history has them now.
  useEffect(() => {
    if (search.dataUpdatedAt) void client.invalidateQueries({ queryKey: releaseKeys.movieDecisions(movie.id) });
  }, [search.dataUpdatedAt, client, movie.id]);
  const acceptable = found?.releases.filter((r) => r.approved).length ?? 0;

  return (
    <Dialog title={`Interactive search - ${movie.title}`} open onClose={onClose} wide>
      <div className="interactive-search">
        <NoInteractiveIndexer />
        <div className="toolbar">
          <p role="status" className="toolbar__item interactive-search__state">
            {search.isFetching
              ? "Searching the indexers… this takes as long as the slowest one."
              : found && `${found.releases.length} ${found.releases.length === 1 ? "release" : "releases"} found, ${acceptable} acceptable.`}
          </p>
          <button type="button" className="button toolbar__end" disabled={search.isFetching} onClick={() => void search.refetch()}>
            Search again
          </button>
        </div>
        {found && found.failures.length > 0 && (
          <div className="alert alert--error" role="alert">
            {found.failures.length === 1 ? "An indexer failed, its releases are missing:" : "Some indexers failed, their releases are missing:"}
            <ul className="alert__list">
              {found.failures.map((failure) => (
                <li key={failure.indexerId}>
                  <strong>{failure.indexer}</strong>: {failure.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {search.isError && <ErrorMessage error={search.error} title="The search failed" />}
        {found && found.releases.length === 0 && !search.isFetching && <p className="muted">No indexer had a release of this film.</p>}
        {found && found.releases.length > 0 && <ReleaseTable releases={found.releases} movieId={movie.id} />}
        <p className="field__hint">Rank is Reelarr's order: an automatic search chooses the first acceptable release. Grabbing a release from here comes with download clients.</p>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
