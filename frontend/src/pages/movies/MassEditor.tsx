import { useState } from "react";
import type { LibraryMovie } from "../../api/types";
import { allChosen } from "../../lib/massEditor";
import { DeleteMoviesDialog } from "./DeleteMoviesDialog";
import { EditMoviesDialog } from "./EditMoviesDialog";
import "./massEditor.css";

interface MassEditorProps {
  /** The chosen movies, in library order. */
  chosen: LibraryMovie[];
  /** The movies the filter shows now (what "Select all shown" takes). */
  shown: readonly LibraryMovie[];
  onToggleAll: () => void;
  onClear: () => void;
  onDone: () => void;
}

/** The bar under the library in select mode: how many are chosen, and what to do with them. */
export function MassEditor({ chosen, shown, onToggleAll, onClear, onDone }: MassEditorProps) {
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const none = chosen.length === 0;
  const allShown = allChosen(new Set(chosen.map((m) => m.id)), shown.map((m) => m.id));
  return (
    <section className="mass-editor" aria-label="Mass editor">
      <p className="mass-editor__count" role="status" data-testid="selected-count">
        {chosen.length === 1 ? "1 movie selected" : `${chosen.length.toLocaleString()} movies selected`}
      </p>
      <div className="mass-editor__actions">
        <button type="button" className="button button--small" onClick={onToggleAll} disabled={shown.length === 0}>
          {allShown ? "Deselect all shown" : `Select all shown (${shown.length.toLocaleString()})`}
        </button>
        <button type="button" className="button button--small" onClick={onClear} disabled={none}>
          Clear selection
        </button>
        <button type="button" className="button button--primary" onClick={() => setDialog("edit")} disabled={none}>
          Edit
        </button>
        <button type="button" className="button button--danger" onClick={() => setDialog("delete")} disabled={none}>
          Delete
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Done
        </button>
      </div>
      {dialog === "edit" && <EditMoviesDialog movieIds={chosen.map((m) => m.id)} onClose={() => setDialog(null)} />}
      {dialog === "delete" && (
        <DeleteMoviesDialog
          movies={chosen}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            onClear();
          }}
        />
      )}
    </section>
  );
}
