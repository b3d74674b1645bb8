// What the activity pages' rows share: the film a row is about, its quality and custom formats.
import { Link } from "react-router";
import type { FormatName, QualityModel } from "../../api/activity";
import type { LibraryMovie } from "../../api/types";
import { movieAddress } from "../../routes/addresses";
import "./activity.css";

export function MovieCell({ movie }: { movie: LibraryMovie | undefined }) {
  if (!movie) return <span className="muted">Unknown movie</span>;
  return (
    <Link to={movieAddress(movie)}>
      {movie.title}
      {movie.year ? ` (${movie.year})` : ""}
    </Link>
  );
}

export function QualityCell({ quality }: { quality: QualityModel | undefined }) {
  if (!quality) return <>—</>;
  const revision = quality.revision;
  const proper = revision && revision.version > 1 ? (revision.isRepack ? " Repack" : " Proper") : "";
  return (
    <span className="badge badge--muted">
      {quality.quality.name}
      {proper}
    </span>
  );
}

export function FormatsCell({ formats }: { formats: readonly FormatName[] | undefined }) {
  if (!formats || formats.length === 0) return null;
  return (
    <ul className="chips" aria-label="Custom formats">
      {formats.map((format) => (
        <li key={format.id} className="chip">
          {format.name}
        </li>
      ))}
    </ul>
  );
}

/** The select-all box of a page of rows: checked when all are, mixed when some are. */
export function SelectAll({ ids, selected, onChange, what }: { ids: readonly number[]; selected: ReadonlySet<number>; onChange: (ids: Set<number>) => void; what: string }) {
  const chosen = ids.filter((id) => selected.has(id)).length;
  return (
    <input
      type="checkbox"
      aria-label={`Select every ${what} on this page`}
      checked={ids.length > 0 && chosen === ids.length}
      ref={(box) => {
        if (box) box.indeterminate = chosen > 0 && chosen < ids.length;
      }}
      disabled={ids.length === 0}
      onChange={(e) => onChange(new Set(e.target.checked ? ids : []))}
    />
  );
}

/** The set with `id` in or out. */
export function toggled(selected: ReadonlySet<number>, id: number, on: boolean): Set<number> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
