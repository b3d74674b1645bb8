import { useState } from "react";
import { useDeleteMovies } from "../../api/settings";
import type { LibraryMovie } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/Feedback";
import { Checkbox } from "../../components/Field";

const LISTED = 10;

/** Remove the chosen movies, optionally with their folders, optionally keeping lists from re-adding them. */
export function DeleteMoviesDialog({ movies, onClose, onDeleted }: { movies: LibraryMovie[]; onClose: () => void; onDeleted: () => void }) {
  const [deleteFiles, setDeleteFiles] = useState(false);
  const [addImportExclusion, setAddImportExclusion] = useState(false);
  const remove = useDeleteMovies();
  const count = movies.length === 1 ? "1 movie" : `${movies.length.toLocaleString()} movies`;
  return (
    <Dialog title={`Delete ${count}`} open onClose={onClose}>
      <p>Remove these from the library?</p>
      <ul aria-label="Movies to delete">
        {movies.slice(0, LISTED).map((movie) => (
          <li key={movie.id}>
            {movie.title} {movie.year > 0 && <span className="muted">({movie.year})</span>}
          </li>
        ))}
        {movies.length > LISTED && <li className="muted">and {(movies.length - LISTED).toLocaleString()} more</li>}
      </ul>
      <div className="form">
        <Checkbox
          label="Delete movie folders and files"
          name="deleteFiles"
          checked={deleteFiles}
          hint={deleteFiles ? "Each movie's folder and everything in it will be deleted." : undefined}
          onChange={(e) => setDeleteFiles(e.target.checked)}
        />
        <Checkbox
          label="Add list exclusions"
          name="addImportExclusion"
          checked={addImportExclusion}
          hint="Import lists will not add these movies again."
          onChange={(e) => setAddImportExclusion(e.target.checked)}
        />
      </div>
      {remove.isError && <ErrorMessage error={remove.error} title="Could not delete" />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate({ movieIds: movies.map((m) => m.id), deleteFiles, addImportExclusion }, { onSuccess: onDeleted })
          }
        >
          {remove.isPending ? "Deleting…" : `Delete ${count}`}
        </button>
      </div>
    </Dialog>
  );
}
