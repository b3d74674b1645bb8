import { useState, type FormEvent } from "react";
import { ApiError } from "../../../api/errors";
import type { MetadataProvider } from "../../../api/metadata";
import { useSaveProvider } from "../../../api/providers";
import { Dialog } from "../../../components/Dialog";
import { ErrorMessage } from "../../../components/Feedback";
import { Checkbox } from "../../../components/Field";
import { ProviderFields } from "../../../components/ProviderFields";
import { errorKeys, fieldKey, providerBody, shownFields, withFieldValue } from "../../../lib/providerForm";
import { placeErrors } from "../../../lib/validation";

/**
 * Radarr's metadata form: whether the writer writes, and its settings drawn from its schema
 * (advanced ones behind "Show advanced"); a writer never saved is created by its first save.
 */
export function MetadataDialog({ writer, onClose }: { writer: MetadataProvider; onClose: () => void }) {
  const [draft, setDraft] = useState(writer);
  const [showAdvanced, setShowAdvanced] = useState(false);
  const save = useSaveProvider<MetadataProvider>("metadata");
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const placed = placeErrors(failures, errorKeys(draft.fields, ["enable"]));
  const shown = shownFields(draft.fields, showAdvanced);
  const hidden = draft.fields.filter((f) => placed.fields[fieldKey(f.name)] && !shown.includes(f)).map((f) => `${f.label ?? f.name}: ${placed.fields[fieldKey(f.name)]}`);
  const general = [...placed.general, ...hidden];
  const title = `Edit ${writer.name} metadata`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ provider: providerBody(draft), forceSave: false }, { onSuccess: onClose });
  };

  return (
    <Dialog title={title} open onClose={onClose} wide>
      <form className="form" onSubmit={onSubmit} aria-label={title} aria-busy={save.isPending} noValidate>
        {writer.message && <div className={`alert alert--${writer.message.type === "error" ? "error" : "notice"}`}>{writer.message.message}</div>}
        <div className="form-toolbar">
          <button type="button" className="button button--small" aria-pressed={showAdvanced} onClick={() => setShowAdvanced((on) => !on)}>
            Show advanced
          </button>
        </div>
        <Checkbox
          label="Enable"
          checked={draft.enable}
          error={placed.fields.enable}
          hint="Enable metadata file creation for this metadata type"
          onChange={(e) => setDraft((current) => ({ ...current, enable: e.target.checked }))}
        />
        <fieldset className="fieldset" disabled={!draft.enable}>
          <legend>What {writer.implementationName} gets</legend>
          <ProviderFields fields={shown} errors={placed.fields} onChange={(name, value) => setDraft((current) => withFieldValue(current, name, value))} />
        </fieldset>
        {general.length > 0 && (
          <div className="alert alert--error" role="alert">
            <ul className="alert__list">
              {general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
