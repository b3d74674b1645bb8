import { Link } from "react-router";
import type { LibraryMovie } from "../../api/types";
import { filmLabel, type SkippedFolder } from "../../lib/libraryImport";
import { movieAddress } from "../../routes/addresses";

/** Named one by one up to this many; the rest are counted. */
const LISTED = 20;

export interface FinishedImport {
  added: LibraryMovie[];
  skipped: SkippedFolder[];
}

export function ImportResult({ result }: { result: FinishedImport }) {
  const { added, skipped } = result;
  return (
    <section className="alert alert--ok import-result" role="status" aria-label="Import result">
      <p>
        <strong>
          {added.length === 0 ? "No movie was imported." : `Imported ${added.length} ${added.length === 1 ? "movie" : "movies"}.`}
        </strong>{" "}
        {added.length > 0 && "Their files are being scanned. "}
        <Link to="/">Go to the library</Link>
      </p>
      {added.length > 0 && (
        <ul aria-label="Imported movies">
          {added.slice(0, LISTED).map((movie) => (
            <li key={movie.id}>
              <Link to={movieAddress(movie)}>{filmLabel(movie)}</Link> <span className="muted">in {movie.path}</span>
            </li>
          ))}
          {added.length > LISTED && <li className="muted">and {added.length - LISTED} more</li>}
        </ul>
      )}
      {skipped.length > 0 && (
        <>
          <p>
            Skipped {skipped.length} {skipped.length === 1 ? "folder" : "folders"}:
          </p>
          <ul aria-label="Skipped folders">
            {skipped.slice(0, LISTED).map(({ folder, reason }) => (
              <li key={folder}>
                <strong>{folder}</strong>: {reason}
              </li>
            ))}
            {skipped.length > LISTED && <li className="muted">and {skipped.length - LISTED} more</li>}
          </ul>
        </>
      )}
    </section>
  );
}
