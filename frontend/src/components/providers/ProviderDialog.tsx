import { useState, type FormEvent, type ReactNode } from "react";
import { ApiError } from "../../api/errors";
import {
  runProviderAction,
  useDeleteProvider,
  useProviderFieldOptions,
  useSaveProvider,
  useTestProvider,
  type Provider,
  type ProviderFamily,
  type ProviderField,
} from "../../api/providers";
import { useDebounced } from "../../hooks/useDebounced";
import { useTagDraft } from "../../hooks/useTagDraft";
import { connectionSignature } from "../../lib/indexers";
import { errorKeys, fieldKey, providerBody, shownFields, withFieldValue } from "../../lib/providerForm";
import { placeErrors } from "../../lib/validation";
import { ConfirmDelete } from "../ConfirmDelete";
import { Dialog } from "../Dialog";
import { ErrorMessage } from "../Feedback";
import { Field } from "../Field";
import { ProviderFields, type OAuthSupport } from "../ProviderFields";
import { TagsField } from "../TagsField";

/** What a family's own part of the form (switches, priority...) draws with. */
export interface OwnPart<T extends Provider> {
  draft: T;
  update: (changes: Partial<T>) => void;
  /** Server messages by the form's key: the family's own keys, and "fields.<name>" for settings. */
  errors: Record<string, string>;
  showAdvanced: boolean;
}

export interface ProviderDialogProps<T extends Provider> {
  family: ProviderFamily;
  /** "indexer", "download client" */
  noun: string;
  provider: T;
  /** The resource's own keys (beside name and tags) whose server messages go by their inputs. */
  own: readonly string[];
  /** Own keys drawn only with "Show advanced": their messages are said in the general alert meanwhile. */
  advancedOwn?: readonly { key: string; label: string }[];
  notices?: ReactNode;
  /** Drawn after the name, before the implementation's settings. */
  before?: (part: OwnPart<T>) => ReactNode;
  /** Drawn after the implementation's settings, before the tags. */
  after?: (part: OwnPart<T>) => ReactNode;
  tagsHint: string;
  testPassed: string;
  deleteNote?: string;
  onClose: () => void;
}

/** Options a provider action lists for the form's fields (a Newznab site's categories), asked again when the connection settings settle. */
function useListedOptions(family: ProviderFamily, draft: Provider) {
  const action = draft.fields.find((f) => f.selectOptionsProviderAction)?.selectOptionsProviderAction;
  const signature = useDebounced(connectionSignature(draft), 600);
  const listed = useProviderFieldOptions(family, action, providerBody(draft), signature);
  return (field: ProviderField) =>
    field.selectOptionsProviderAction === action
      ? { options: listed.data?.options, loading: listed.isFetching && !listed.data, failed: listed.isError }
      : { loading: false, failed: false };
}

function DeleteConfirm({ family, noun, provider, note, onDeleted, onCancel }: { family: ProviderFamily; noun: string; provider: Provider; note?: string | undefined; onDeleted: () => void; onCancel: () => void }) {
  const remove = useDeleteProvider(family);
  return (
    <ConfirmDelete label={`Delete ${provider.name}`} removal={remove} onKeep={onCancel} onDelete={() => remove.mutate(provider.id, { onSuccess: onDeleted })}>
      Delete the {noun} <strong>{provider.name}</strong>?{note && ` ${note}`}
    </ConfirmDelete>
  );
}

/**
 * Radarr's provider form (an indexer's, a download client's): the name, the family's own options,
 * the implementation's settings drawn from its schema (advanced ones behind "Show advanced") and
 * tags; Test asks the service as the form stands, and a save the server refuses can be forced.
 */
export function ProviderDialog<T extends Provider>(props: ProviderDialogProps<T>) {
  const { family, noun, provider, own, advancedOwn = [], onClose } = props;
  const [draft, setDraft] = useState(provider);
  const [showAdvanced, setShowAdvanced] = useState(false);
  const [lastAction, setLastAction] = useState<"save" | "test" | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [tagError, setTagError] = useState<unknown>(null);
  const tags = useTagDraft(provider.tags);
  const save = useSaveProvider<T>(family);
  const test = useTestProvider<T>(family);
  const listedOptions = useListedOptions(family, draft);

  const attempt = lastAction === "test" ? test : save;
  const failures = attempt.error instanceof ApiError ? attempt.error.validationFailures : [];
  const placed = placeErrors(failures, errorKeys(draft.fields, ["name", "tags", ...own]));
  const shown = shownFields(draft.fields, showAdvanced);
  // A message about a field "Show advanced" hides is still said, with the field's name.
  const hiddenMessages = draft.fields
    .filter((f) => placed.fields[fieldKey(f.name)] && !shown.includes(f))
    .map((f) => `${f.label ?? f.name}: ${placed.fields[fieldKey(f.name)]}`);
  const general = [...placed.general, ...hiddenMessages];
  if (!showAdvanced) for (const { key, label } of advancedOwn) if (placed.fields[key]) general.push(`${label}: ${placed.fields[key]}`);
  const title = `${provider.id ? "Edit" : "Add"} ${noun} - ${provider.implementationName}`;
  const busy = save.isPending || test.isPending;

  const update = (changes: Partial<T>) => setDraft((current) => ({ ...current, ...changes }));
  const setField = (name: string, value: unknown) => setDraft((current) => withFieldValue(current, name, value));
  // An `oAuth` field signs in through the provider's actions, sent the settings as they stand, and
  // fills the hidden token fields.
  const oauth: OAuthSupport = {
    run: (name, query, signal) => runProviderAction(family, name, providerBody({ ...draft, name: draft.name.trim() }), query, signal),
    fields: draft.fields,
    onChange: setField,
  };
  const part: OwnPart<T> = { draft, update, errors: placed.fields, showAdvanced };

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
    save.mutate({ provider: providerBody({ ...draft, name: draft.name.trim(), tags: tagIds }), forceSave }, { onSuccess: onClose });
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
        {provider.message && <div className={`alert alert--${provider.message.type === "error" ? "error" : "notice"}`}>{provider.message.message}</div>}
        {props.notices}
        <div className="form-toolbar">
          <button type="button" className="button button--small" aria-pressed={showAdvanced} onClick={() => setShowAdvanced((on) => !on)}>
            Show advanced
          </button>
          {provider.infoLink && (
            <a href={provider.infoLink} target="_blank" rel="noreferrer noopener">
              About {provider.implementationName}
            </a>
          )}
        </div>
        <Field label="Name" name="name" autoComplete="off" required value={draft.name} error={placed.fields.name} onChange={(e) => update({ name: e.target.value } as Partial<T>)} />
        {props.before?.(part)}
        <ProviderFields
          fields={shown}
          errors={placed.fields}
          listedOptions={listedOptions}
          oauth={oauth}
          onChange={setField}
        />
        {props.after?.(part)}
        <TagsField value={tags.labels} onChange={tags.setLabels} error={placed.fields.tags} />
        <p className="field__hint">{props.tagsHint}</p>
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
            {props.testPassed}
          </p>
        )}
        {deleting && <DeleteConfirm family={family} noun={noun} provider={provider} note={props.deleteNote} onCancel={() => setDeleting(false)} onDeleted={onClose} />}
        <div className="dialog__actions">
          {provider.id > 0 && (
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
