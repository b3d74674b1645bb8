import { useState, type FormEvent } from "react";
import { ApiError } from "../../../api/errors";
import { useDeleteIndexer, useProviderFieldOptions, useSaveIndexer, useTestIndexer, type Indexer, type ProviderField } from "../../../api/providers";
import { Dialog } from "../../../components/Dialog";
import { ErrorMessage } from "../../../components/Feedback";
import { Checkbox, Field } from "../../../components/Field";
import { ProviderFields } from "../../../components/ProviderFields";
import { TagsField } from "../../../components/TagsField";
import { useDebounced } from "../../../hooks/useDebounced";
import { useTagDraft } from "../../../hooks/useTagDraft";
import { connectionSignature, isProwlarrIndexer } from "../../../lib/indexers";
import { errorKeys, fieldKey, providerBody, shownFields, withFieldValue } from "../../../lib/providerForm";
import { placeErrors } from "../../../lib/validation";

const OWN = ["name", "enableRss", "enableAutomaticSearch", "enableInteractiveSearch", "priority", "queriesPerHour", "tags"];

const wholeNumber = (text: string) => (text.trim() === "" ? 0 : Math.trunc(Number(text)) || 0);

/** Options a provider action lists for the form's fields (a Newznab site's categories), asked again when the connection settings settle. */
function useListedOptions(draft: Indexer) {
  const action = draft.fields.find((f) => f.selectOptionsProviderAction)?.selectOptionsProviderAction;
  const signature = useDebounced(connectionSignature(draft), 600);
  const listed = useProviderFieldOptions(action, providerBody(draft), signature);
  return (field: ProviderField) =>
    field.selectOptionsProviderAction === action
      ? { options: listed.data?.options, loading: listed.isFetching && !listed.data, failed: listed.isError }
      : { loading: false, failed: false };
}

function DeleteConfirm({ indexer, onDeleted, onCancel }: { indexer: Indexer; onDeleted: () => void; onCancel: () => void }) {
  const remove = useDeleteIndexer();
  return (
    <div className="alert alert--error" role="alertdialog" aria-label={`Delete ${indexer.name}`}>
      <p>
        Delete the indexer <strong>{indexer.name}</strong>?
        {isProwlarrIndexer(indexer) && " Prowlarr adds it again at its next sync unless it is removed there."}
      </p>
      {remove.isError && <ErrorMessage error={remove.error} title="Could not delete" />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Keep it
        </button>
        <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate(indexer.id, { onSuccess: onDeleted })}>
          {remove.isPending ? "Deleting…" : "Delete"}
        </button>
      </div>
    </div>
  );
}

/**
 * Radarr's indexer form: the switches, the implementation's settings drawn from its schema (advanced
 * ones behind "Show advanced"), priority, Reelarr's hourly query budget and tags; Test asks the
 * site as the form stands, and a save the server refuses can be forced.
 */
export function IndexerDialog({ indexer, onClose }: { indexer: Indexer; onClose: () => void }) {
  const [draft, setDraft] = useState(indexer);
  const [showAdvanced, setShowAdvanced] = useState(false);
  const [lastAction, setLastAction] = useState<"save" | "test" | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [tagError, setTagError] = useState<unknown>(null);
  const tags = useTagDraft(indexer.tags);
  const save = useSaveIndexer();
  const test = useTestIndexer();
  const listedOptions = useListedOptions(draft);

  const attempt = lastAction === "test" ? test : save;
  const failures = attempt.error instanceof ApiError ? attempt.error.validationFailures : [];
  const placed = placeErrors(failures, errorKeys(draft.fields, OWN));
  const shown = shownFields(draft.fields, showAdvanced);
  // A message about a field "Show advanced" hides is still said, with the field's name.
  const hiddenMessages = draft.fields
    .filter((f) => placed.fields[fieldKey(f.name)] && !shown.includes(f))
    .map((f) => `${f.label ?? f.name}: ${placed.fields[fieldKey(f.name)]}`);
  const general = [...placed.general, ...hiddenMessages];
  if (!showAdvanced && placed.fields.priority) general.push(`Priority: ${placed.fields.priority}`);
  const title = `${indexer.id ? "Edit" : "Add"} indexer - ${indexer.implementationName}`;
  const busy = save.isPending || test.isPending;

  const update = (changes: Partial<Indexer>) => setDraft((current) => ({ ...current, ...changes }));

  const submit = async (forceSave: boolean) => {
    setLastAction("save");
    setTagError(null);
    let tagIds: number[];
    try {
      tagIds = await tags.resolve();
    } catch (error) {
      setTagError(error);
      return;
    }
    save.mutate({ indexer: providerBody({ ...draft, name: draft.name.trim(), tags: tagIds }), forceSave }, { onSuccess: onClose });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(false);
  };

  const onTest = () => {
    setLastAction("test");
    test.mutate(providerBody({ ...draft, name: draft.name.trim() }));
  };

  const canForce = lastAction === "save" && save.error instanceof ApiError && save.error.status === 400 && failures.length > 0;

  return (
    <Dialog title={title} open onClose={onClose} wide>
      <form className="form" onSubmit={onSubmit} aria-label={title} aria-busy={busy} noValidate>
        {indexer.message && <div className={`alert alert--${indexer.message.type === "error" ? "error" : "notice"}`}>{indexer.message.message}</div>}
        {isProwlarrIndexer(indexer) && (
          <div className="alert alert--notice">Prowlarr added this indexer and keeps it in step: what you change here is replaced at Prowlarr's next sync.</div>
        )}
        <div className="form-toolbar">
          <button type="button" className="button button--small" aria-pressed={showAdvanced} onClick={() => setShowAdvanced((on) => !on)}>
            Show advanced
          </button>
          {indexer.infoLink && (
            <a href={indexer.infoLink} target="_blank" rel="noreferrer noopener">
              About {indexer.implementationName}
            </a>
          )}
        </div>
        <Field label="Name" name="name" autoComplete="off" required value={draft.name} error={placed.fields.name} onChange={(e) => update({ name: e.target.value })} />
        <Checkbox
          label="Enable RSS"
          checked={draft.enableRss}
          disabled={!draft.supportsRss}
          hint={draft.supportsRss ? "Used when Reelarr periodically looks for new releases (RSS sync)." : "This indexer has no RSS feed."}
          onChange={(e) => update({ enableRss: e.target.checked })}
        />
        <Checkbox
          label="Enable automatic search"
          checked={draft.enableAutomaticSearch}
          disabled={!draft.supportsSearch}
          hint={draft.supportsSearch ? "Used by automatic searches (a film added, the Search button, missing and cutoff unmet searches)." : "This indexer cannot be searched."}
          onChange={(e) => update({ enableAutomaticSearch: e.target.checked })}
        />
        <Checkbox
          label="Enable interactive search"
          checked={draft.enableInteractiveSearch}
          disabled={!draft.supportsSearch}
          hint={draft.supportsSearch ? "Used by interactive search on a movie's page." : "This indexer cannot be searched."}
          onChange={(e) => update({ enableInteractiveSearch: e.target.checked })}
        />
        <ProviderFields
          fields={shown}
          errors={placed.fields}
          listedOptions={listedOptions}
          onChange={(name, value) => setDraft((current) => withFieldValue(current, name, value))}
        />
        {showAdvanced && (
          <Field
            label="Indexer priority"
            name="priority"
            type="number"
            min={1}
            max={50}
            value={draft.priority}
            error={placed.fields.priority}
            hint="From 1 (highest) to 50 (lowest), default 25. Breaks ties between otherwise equal releases."
            onChange={(e) => update({ priority: wholeNumber(e.target.value) })}
          />
        )}
        <Field
          label="Queries per hour"
          name="queriesPerHour"
          type="number"
          min={0}
          value={draft.queriesPerHour}
          error={placed.fields.queriesPerHour}
          hint="How many backlog searches (missing and cutoff unmet films) may go to this indexer each hour, so a large library never gets an account banned. 0: no limit."
          onChange={(e) => update({ queriesPerHour: wholeNumber(e.target.value) })}
        />
        <TagsField value={tags.labels} onChange={tags.setLabels} error={placed.fields.tags} />
        <p className="field__hint">Tagged indexers are only used for movies with at least one of their tags; without tags, for every movie.</p>
        {general.length > 0 && (
          <div className="alert alert--error" role="alert">
            <ul className="alert__list">
              {general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        {attempt.isError && failures.length === 0 && <ErrorMessage error={attempt.error} title={lastAction === "test" ? "The test failed" : "Could not save"} />}
        {tagError !== null && <ErrorMessage error={tagError} title="Could not create the tags" />}
        {lastAction === "test" && test.isSuccess && (
          <p className="alert alert--ok" role="status">
            Test passed: the indexer answered as it should.
          </p>
        )}
        {deleting && <DeleteConfirm indexer={indexer} onCancel={() => setDeleting(false)} onDeleted={onClose} />}
        <div className="dialog__actions">
          {indexer.id > 0 && (
            <button type="button" className="button button--danger-quiet dialog__actions-start" onClick={() => setDeleting(true)}>
              Delete
            </button>
          )}
          <button type="button" className="button" disabled={busy} onClick={onTest}>
            {test.isPending ? "Testing…" : "Test"}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {canForce && (
            <button type="button" className="button" disabled={busy} onClick={() => void submit(true)} title="Keep these settings although the test or the rules failed">
              Save anyway
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={busy}>
            {save.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
