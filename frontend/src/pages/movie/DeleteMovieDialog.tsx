import { useState } from "react";
import { useNavigate } from "react-router";
import { useDeleteMovie } from "../../api/library";
import type { LibraryMovie } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/Feedback";
import { Checkbox } from "../../components/Field";

/** Remove a movie from the library, optionally with its folder, optionally keeping lists from re-adding it. */
export function DeleteMovieDialog({ movie, onClose }: { movie: LibraryMovie; onClose: () => void }) {
  const [deleteFiles, setDeleteFiles] = useState(false);
  const [addImportExclusion, setAddImportExclusion] = useState(false);
  const remove = useDeleteMovie();
  const navigate = useNavigate();

  return (
    <Dialog title={`Delete ${movie.title}`} open onClose={onClose}>
      <p>
        Remove <strong>{movie.title}</strong> from the library?
      </p>
      <div className="form">
        <Checkbox
          label="Delete movie folder and files"
          name="deleteFiles"
          checked={deleteFiles}
          hint={deleteFiles ? `${movie.path ?? "The movie folder"} and everything in it will be deleted.` : undefined}
          onChange={(e) => setDeleteFiles(e.target.checked)}
        />
        <Checkbox
          label="Add list exclusion"
          name="addImportExclusion"
          checked={addImportExclusion}
          hint="Import lists will not add this movie again."
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
            // Not mutate's onSuccess: the page under the dialog learns first that the movie is
            // gone and unmounts the dialog, and an unmounted mutate never calls back.
            remove.mutateAsync({ id: movie.id, deleteFiles, addImportExclusion }).then(
              () => navigate("/", { replace: true }),
              () => undefined, // shown by remove.isError
            )
          }
        >
          {remove.isPending ? "Deleting…" : "Delete"}
        </button>
      </div>
    </Dialog>
  );
}
