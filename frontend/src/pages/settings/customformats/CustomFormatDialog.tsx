import { useState, type FormEvent } from "react";
import { useCustomFormatSchema, useDeleteCustomFormat, useSaveCustomFormat } from "../../../api/customFormats";
import { ApiError } from "../../../api/errors";
import { Dialog } from "../../../components/Dialog";
import { EditorActions } from "../../../components/EditorActions";
import { ErrorMessage } from "../../../components/Feedback";
import { ConditionsEditor } from "../../../components/ConditionsEditor";
import { ConfirmDelete } from "../../../components/ConfirmDelete";
import { Checkbox, Field } from "../../../components/Field";
import { formatBody, newCondition, placeFormatErrors, type ConditionDraft, type FormatDraft } from "../../../lib/customFormats";
import { shownFields } from "../../../lib/providerForm";
import { ExportFormatDialog, ImportFormatDialog } from "./FormatJsonDialogs";

function DeleteConfirm({ draft, onDeleted, onCancel }: { draft: FormatDraft; onDeleted: () => void; onCancel: () => void }) {
  const remove = useDeleteCustomFormat();
  return (
    <ConfirmDelete label={`Delete ${draft.name}`} removal={remove} onKeep={onCancel} onDelete={() => remove.mutate(draft.id, { onSuccess: onDeleted })}>
      Delete the custom format <strong>{draft.name}</strong>? Quality profiles lose its score.
    </ConfirmDelete>
  );
}

/**
 * Radarr's custom format editor: name, renaming flag and conditions (each drawn from the condition
 * schema), Import to fill it from JSON and Export to copy it as JSON; the server's messages (a
 * pattern .NET would refuse) land on the condition they are about.
 */
export function CustomFormatDialog({ initial, onClose }: { initial: FormatDraft; onClose: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [side, setSide] = useState<"import" | "export" | "delete" | null>(null);
  const schema = useCustomFormatSchema();
  const save = useSaveCustomFormat();
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const errors = placeFormatErrors(failures, draft);
  const title = initial.id ? `Edit ${initial.name}` : "Add custom format";

  const setCondition = (index: number, condition: ConditionDraft) =>
    setDraft((current) => ({ ...current, specifications: current.specifications.map((c, i) => (i === index ? condition : c)) }));
  const removeCondition = (index: number) => {
    save.reset();
    setDraft((current) => ({ ...current, specifications: current.specifications.filter((_, i) => i !== index) }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(formatBody(draft), { onSuccess: onClose });
  };

  // The import and export dialogs open over this one, beside it in the tree (not inside it, where
  // their Escape would reach this dialog too).
  return (
    <>
    <Dialog title={title} open onClose={onClose} wide>
      <form className="form" onSubmit={onSubmit} aria-label={title} aria-busy={save.isPending} noValidate>
        <Field label="Name" name="name" autoComplete="off" required value={draft.name} error={errors.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <Checkbox
          label="Include custom format when renaming"
          checked={draft.includeCustomFormatWhenRenaming}
          hint="Its name goes into file names that use {Custom Formats}."
          onChange={(e) => setDraft({ ...draft, includeCustomFormatWhenRenaming: e.target.checked })}
        />
        <ConditionsEditor
          headingId="conditions-heading"
          hint="A release or file has the format when every required condition matches and, of each other type used, at least one condition matches."
          conditions={draft.specifications}
          schema={schema.data}
          schemaError={schema.isError ? schema.error : undefined}
          titleOf={(condition, index) => `${condition.implementationName}: ${condition.name || `condition ${index + 1}`}`}
          fieldsOf={(condition) => shownFields(condition.fields, true)}
          errorsOf={(index) => errors.conditions[index]}
          conditionHint={<p className="field__hint">Negate: the format applies only when this condition does not match. Required: it must match; otherwise one match of its type is enough.</p>}
          onChange={setCondition}
          onRemove={removeCondition}
          onAdd={(type) => setDraft({ ...draft, specifications: [...draft.specifications, newCondition(type)] })}
        />
        {errors.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {errors.general.join(" ")}
          </div>
        )}
        {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
        {side === "delete" && <DeleteConfirm draft={initial} onCancel={() => setSide(null)} onDeleted={onClose} />}
        <EditorActions onDelete={initial.id > 0 ? () => setSide("delete") : undefined} onCancel={onClose} saving={save.isPending}>
          <button type="button" className="button" disabled={!schema.data} onClick={() => setSide("import")}>
            Import
          </button>
          <button type="button" className="button" onClick={() => setSide("export")}>
            Export
          </button>
        </EditorActions>
      </form>
    </Dialog>
      {side === "import" && schema.data && (
        <ImportFormatDialog
          schema={schema.data}
          into={draft}
          onClose={() => setSide(null)}
          onImported={(imported) => {
            save.reset();
            setDraft(imported);
            setSide(null);
          }}
        />
      )}
      {side === "export" && <ExportFormatDialog format={draft} onClose={() => setSide(null)} />}
    </>
  );
}
