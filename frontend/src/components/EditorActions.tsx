import type { ReactNode } from "react";

interface EditorActionsProps {
  /** Asks to delete what is edited; without it (nothing saved yet) there is no Delete. */
  onDelete?: (() => void) | undefined;
  onCancel: () => void;
  saving: boolean;
  /** Buttons of the editor's own, between Delete and Cancel. */
  children?: ReactNode;
}

/** An editor form's buttons: Delete at the start, then the editor's own, Cancel, and Save (the form's submit). */
export function EditorActions({ onDelete, onCancel, saving, children }: EditorActionsProps) {
  return (
    <div className="dialog__actions">
      {onDelete && (
        <button type="button" className="button button--danger-quiet dialog__actions-start" onClick={onDelete}>
          Delete
        </button>
      )}
      {children}
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" disabled={saving}>
        {saving ? "Saving…" : "Save"}
      </button>
    </div>
  );
}
