import { useId, useState, type FormEvent } from "react";
import type { Specification } from "../../../api/customFormats";
import { CopyButton } from "../../../components/CopyButton";
import { Dialog } from "../../../components/Dialog";
import { exportJson, importJson, type FormatDraft } from "../../../lib/customFormats";

/** Radarr's Import: paste a format's JSON (an export, or a TRaSH-Guides file) to fill the editor with it. */
export function ImportFormatDialog({ schema, into, onImported, onClose }: { schema: readonly Specification[]; into: FormatDraft; onImported: (draft: FormatDraft) => void; onClose: () => void }) {
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = importJson(text, schema, into);
    if ("error" in result) setError(result.error);
    else onImported(result.draft);
  };
  return (
    <Dialog title="Import custom format" open onClose={onClose} wide>
      <form className="form" onSubmit={onSubmit} aria-label="Import custom format" noValidate>
        <div className="field">
          <label htmlFor={id}>Custom format JSON</label>
          <textarea
            id={id}
            className="input--code json-text"
            rows={14}
            spellCheck={false}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            onChange={(e) => setText(e.target.value)}
          />
          <p id={`${id}-hint`} className="field__hint">
            A format as Radarr exports it, or a TRaSH-Guides file. It replaces the name and conditions in the editor; nothing is saved until you save.
          </p>
          {error && (
            <p id={`${id}-error`} className="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!text.trim()}>
            Import
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Radarr's Export: the format as JSON to copy, without ids (what Import and other Radarr-like apps take). */
export function ExportFormatDialog({ format, onClose }: { format: Pick<FormatDraft, "name" | "includeCustomFormatWhenRenaming" | "specifications">; onClose: () => void }) {
  const id = useId();
  const json = exportJson(format);
  return (
    <Dialog title={`Export ${format.name || "custom format"}`} open onClose={onClose} wide>
      <div className="field">
        <label htmlFor={id}>Custom format JSON</label>
        <textarea id={id} className="input--code json-text" rows={16} readOnly spellCheck={false} value={json} onFocus={(e) => e.target.select()} />
      </div>
      <div className="dialog__actions">
        <CopyButton text={json} label="Copy the JSON" />
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
