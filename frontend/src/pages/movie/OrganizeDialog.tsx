import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { libraryKeys } from "../../api/library";
import { useNamingConfig } from "../../api/naming";
import { renameKeys, useRenamePreview } from "../../api/rename";
import type { LibraryMovie } from "../../api/types";
import { CommandOutcome } from "../../components/CommandOutcome";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { useCommandRun } from "../../hooks/useCommandRun";

/** Radarr's Organize modal: the files whose names would change, and renaming the chosen ones (RenameFiles). */
export function OrganizeDialog({ movie, onClose }: { movie: LibraryMovie; onClose: () => void }) {
  const client = useQueryClient();
  const naming = useNamingConfig();
  const preview = useRenamePreview(movie.id);
  const [unchecked, setUnchecked] = useState<ReadonlySet<number>>(new Set());
  const run = useCommandRun(() => {
    void client.invalidateQueries({ queryKey: renameKeys.preview(movie.id) });
    void client.invalidateQueries({ queryKey: libraryKeys.movie(movie.id) });
  });
  const files = preview.data ?? [];
  const chosen = files.filter((f) => !unchecked.has(f.movieFileId)).map((f) => f.movieFileId);
  const toggle = (id: number, on: boolean) =>
    setUnchecked((current) => {
      const next = new Set(current);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Dialog title={`Organize & Rename — ${movie.title}`} open onClose={onClose} wide>
      {preview.isPending && <Loading what="the new names" />}
      {preview.isError && <ErrorMessage error={preview.error} title="The new names could not be worked out" />}
      {preview.data && naming.data?.renameMovies === false && <p>Renaming is disabled, nothing to rename.</p>}
      {preview.data && naming.data?.renameMovies !== false && files.length === 0 && (
        <p>Success! My work is done, no files to rename.</p>
      )}
      {files.length > 0 && (
        <>
          <p>
            All paths are relative to <code>{movie.path}</code>. Naming format:{" "}
            <code>{naming.data?.standardMovieFormat ?? "…"}</code>
          </p>
          <ul className="organize-list" aria-label="Files to rename">
            {files.map((file) => (
              <li key={file.movieFileId} className="organize-list__item">
                <label>
                  <input
                    type="checkbox"
                    checked={!unchecked.has(file.movieFileId)}
                    onChange={(e) => toggle(file.movieFileId, e.target.checked)}
                    aria-label={`Rename ${file.existingPath}`}
                  />{" "}
                  <span className="organize-list__existing">{file.existingPath}</span>
                  {" → "}
                  <span className="organize-list__new">{file.newPath}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog__actions">
        <CommandOutcome command={run.command} startError={run.startError} testId="RenameFiles-state" />
        <button type="button" className="button" onClick={onClose}>
          {files.length > 0 ? "Cancel" : "Close"}
        </button>
        {files.length > 0 && (
          <button
            type="button"
            className="button button--primary"
            disabled={run.busy || chosen.length === 0}
            onClick={() => run.start({ name: "RenameFiles", movieId: movie.id, files: chosen })}
          >
            {run.busy ? "Organizing…" : "Organize"}
          </button>
        )}
      </div>
    </Dialog>
  );
}
