import { useState } from "react";
import { useGrabRelease, type Release } from "../../api/releases";
import { ErrorMessage } from "../../components/Feedback";
import { CaretDownIcon, CaretUpIcon } from "../../components/Icons";
import { formatBytes } from "../../lib/format";
import "./releases.css";
import { DEFAULT_SORT, flagLabel, formatAge, formatScore, nextSort, peersText, RELEASE_COLUMNS, releaseState, sortReleases, type ReleaseColumn } from "../../lib/releases";

/** A release title that may break after its dots, dashes and underscores (it has no spaces). */
export function BreakableTitle({ title }: { title: string }) {
  const parts = title.split(/(?<=[._-])/);
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          <wbr />
        </span>
      ))}
    </>
  );
}

function Cell({ release, column }: { release: Release; column: ReleaseColumn }) {
  switch (column) {
    case "releaseWeight":
      return <td className="numeric">{release.releaseWeight}</td>;
    case "protocol":
      return (
        <td>
          <span className={`protocol protocol--${release.protocol}`}>{release.protocol === "usenet" ? "Usenet" : release.protocol === "torrent" ? "Torrent" : "?"}</span>
        </td>
      );
    case "age":
      return <td>{formatAge(release)}</td>;
    case "title":
      return (
        <th scope="row" className="release-table__title">
          {release.infoUrl ? (
            <a href={release.infoUrl} target="_blank" rel="noreferrer noopener">
              <BreakableTitle title={release.title} />
            </a>
          ) : (
            <BreakableTitle title={release.title} />
          )}
        </th>
      );
    case "indexer":
      return <td className="release-table__indexer">{release.indexer}</td>;
    case "size":
      return <td className="numeric">{formatBytes(release.size)}</td>;
    case "peers":
      return <td className="numeric">{peersText(release)}</td>;
    case "languages":
      return <td>{release.languages.map((l) => l.name).join(", ") || "—"}</td>;
    case "quality":
      return (
        <td>
          {release.quality.quality.name}
          {(release.quality.revision?.version ?? 1) > 1 && <span className="muted"> (Proper)</span>}
        </td>
      );
    case "customFormatScore":
      return (
        <td className="release-table__score">
          <span className="numeric">{formatScore(release.customFormatScore)}</span>
          {release.customFormats.length > 0 && <span className="release-table__formats muted">{release.customFormats.map((f) => f.name).join(", ")}</span>}
        </td>
      );
    case "indexerFlags":
      return <td className="release-table__flags">{release.indexerFlags?.map(flagLabel).join(", ") || "—"}</td>;
    case "rejections": {
      const state = releaseState(release);
      return (
        <td className="release-table__decision">
          <span className={`badge badge--${state.tone}`}>{state.label}</span>
          {release.rejections.length > 0 && (
            <ul className="rejections" aria-label="Why not">
              {release.rejections.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
        </td>
      );
    }
  }
}

/** The row's grab button: the release goes to its download client, whatever the decision said. */
function GrabCell({ release, movieId }: { release: Release; movieId: number }) {
  const grab = useGrabRelease(movieId);
  const label = grab.isSuccess ? "Grabbed" : grab.isPending ? "Grabbing" : "Grab";
  return (
    <td className="release-table__grab">
      <button type="button" className="button button--small" aria-label={`${label} ${release.title}`} disabled={grab.isPending || grab.isSuccess} onClick={() => grab.mutate(release)}>
        {label}
      </button>
      {grab.isError && <ErrorMessage error={grab.error} title="Could not grab" />}
    </td>
  );
}

/**
 * Every release an interactive search found, sortable by each column as Radarr's table is (Rank,
 * Reelarr's own order, first), with every reason against each one in view.
 */
export function ReleaseTable({ releases, movieId }: { releases: readonly Release[]; movieId: number }) {
  const [sort, setSort] = useState(DEFAULT_SORT);
  const rows = sortReleases(releases, sort.key, sort.direction);
  return (
    <div className="table-wrap">
      <table className="table release-table" aria-label="Releases">
        <thead>
          <tr>
            {RELEASE_COLUMNS.map((column) => {
              const active = sort.key === column.key;
              return (
                <th key={column.key} scope="col" aria-sort={active ? sort.direction : undefined} className={column.key === "size" || column.key === "peers" ? "numeric" : undefined}>
                  <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, column.key))}>
                    {column.label}
                    <span className="sort-button__arrow">{active && (sort.direction === "ascending" ? <CaretUpIcon /> : <CaretDownIcon />)}</span>
                  </button>
                </th>
              );
            })}
            <th scope="col">
              <span className="visually-hidden">Grab</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((release) => (
            <tr key={`${release.indexerId}-${release.guid}`} className={release.approved ? undefined : "release-table__row--refused"}>
              {RELEASE_COLUMNS.map((column) => (
                <Cell key={column.key} release={release} column={column.key} />
              ))}
              <GrabCell release={release} movieId={movieId} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
