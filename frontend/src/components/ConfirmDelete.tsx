import type { ReactNode } from "react";
import { ErrorMessage } from "./Feedback";

interface ConfirmDeleteProps {
  /** The alert dialog's accessible name, e.g. "Delete Old films". */
  label: string;
  /** The question asked. */
  children: ReactNode;
  /** The delete request's state. */
  removal: { isPending: boolean; isError: boolean; error: unknown };
  onKeep: () => void;
  onDelete: () => void;
}

/** The question an editor asks before deleting what it edits, with Keep it and Delete, and why a delete failed. */
export function ConfirmDelete({ label, children, removal, onKeep, onDelete }: ConfirmDeleteProps) {
  return (
    <div className="alert alert--error" role="alertdialog" aria-label={label}>
      <p>{children}</p>
      {removal.isError && <ErrorMessage error={removal.error} title="Could not delete" />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onKeep}>
          Keep it
        </button>
        <button type="button" className="button button--danger" disabled={removal.isPending} onClick={onDelete}>
          {removal.isPending ? "Deleting…" : "Delete"}
        </button>
      </div>
    </div>
  );
}
