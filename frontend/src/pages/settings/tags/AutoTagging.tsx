import { useMemo, useState, type FormEvent } from "react";
import { useAutoTags, useAutoTagSchema, useDeleteAutoTag, useSaveAutoTag, type AutoTag } from "../../../api/autoTagging";
import { ApiError } from "../../../api/errors";
import { useQualityProfiles, useRootFolders, useTags } from "../../../api/library";
import { Dialog } from "../../../components/Dialog";
import { EditorActions } from "../../../components/EditorActions";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { ConditionsEditor } from "../../../components/ConditionsEditor";
import { ConfirmDelete } from "../../../components/ConfirmDelete";
import { Checkbox, Field } from "../../../components/Field";
import { TagsField } from "../../../components/TagsField";
import { useTagDraft } from "../../../hooks/useTagDraft";
import {
  autoTagBody,
  autoTagDraft,
  conditionSummary,
  drawnFields,
  emptyAutoTag,
  newAutoTagCondition,
  placeAutoTagErrors,
  type AutoTagConditionDraft,
  type AutoTagDraft,
  type Choices,
} from "../../../lib/autoTagging";

/** The quality profiles, root folders and tags a condition can name. */
function useChoices(): Choices {
  const profiles = useQualityProfiles();
  const folders = useRootFolders();
  const tags = useTags();
  return useMemo(
    () => ({
      qualityProfiles: (profiles.data ?? []).map((p) => ({ value: p.id, name: p.name })),
      rootFolders: (folders.data ?? []).map((f) => ({ value: f.path, name: f.path })),
      tags: (tags.data ?? []).map((t) => ({ value: t.id, name: t.label })),
    }),
    [profiles.data, folders.data, tags.data],
  );
}

/** Radarr's auto tagging editor: name, tags, whether tags come off again, and the conditions. */
function AutoTagDialog({ initial, choices, onClose }: { initial: AutoTagDraft; choices: Choices; onClose: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const tags = useTagDraft(initial.tags);
  const schema = useAutoTagSchema();
  const save = useSaveAutoTag();
  const remove = useDeleteAutoTag();
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const errors = placeAutoTagErrors(failures, draft);
  const title = initial.id ? `Edit ${initial.name}` : "Add auto tag";

  const setCondition = (index: number, condition: AutoTagConditionDraft) =>
    setDraft((current) => ({ ...current, specifications: current.specifications.map((c, i) => (i === index ? condition : c)) }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void tags.resolve().then((ids) => save.mutate(autoTagBody(draft, ids), { onSuccess: onClose }));
  };

  return (
    <Dialog title={title} open onClose={onClose} wide>
      <form className="form" onSubmit={onSubmit} aria-label={title} aria-busy={save.isPending} noValidate>
        <Field label="Name" name="name" autoComplete="off" required value={draft.name} error={errors.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <Checkbox
          label="Remove tags automatically"
          checked={draft.removeTagsAutomatically}
          hint="Take the tags off a movie again when it no longer meets the conditions."
          onChange={(e) => setDraft({ ...draft, removeTagsAutomatically: e.target.checked })}
        />
        <TagsField label="Tags" value={tags.labels} error={errors.tags} onChange={tags.setLabels} />
        <ConditionsEditor
          headingId="auto-tag-conditions"
          hint="A movie gets the tags when it is added, edited or refreshed and meets every type of condition used: one condition of a type is enough unless another of that type is required."
          conditions={draft.specifications}
          schema={schema.data}
          schemaError={schema.isError ? schema.error : undefined}
          titleOf={(condition) => `${condition.implementationName}: ${condition.name || "unnamed"}`}
          fieldsOf={(condition) => drawnFields(condition.fields, choices)}
          errorsOf={(index) => (errors.conditions[index] ? { general: errors.conditions[index], fields: {} } : undefined)}
          onChange={setCondition}
          onRemove={(index) => setDraft((current) => ({ ...current, specifications: current.specifications.filter((_, i) => i !== index) }))}
          onAdd={(type) => setDraft({ ...draft, specifications: [...draft.specifications, newAutoTagCondition(type)] })}
        />
        {errors.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {errors.general.join(" ")}
          </div>
        )}
        {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
        {confirmDelete && (
          <ConfirmDelete label={`Delete ${initial.name}`} removal={remove} onKeep={() => setConfirmDelete(false)} onDelete={() => remove.mutate(initial.id, { onSuccess: onClose })}>
            Delete the auto tag <strong>{initial.name}</strong>? Movies keep the tags it gave them.
          </ConfirmDelete>
        )}
        <EditorActions onDelete={initial.id > 0 ? () => setConfirmDelete(true) : undefined} onCancel={onClose} saving={save.isPending} />
      </form>
    </Dialog>
  );
}

function AutoTagCard({ rule, choices, onEdit }: { rule: AutoTag; choices: Choices; onEdit: () => void }) {
  const labels = rule.tags.map((id) => choices.tags.find((t) => t.value === id)?.name ?? String(id));
  return (
    <li className="profile-card">
      <article aria-labelledby={`auto-tag-${rule.id}`}>
        <h3 id={`auto-tag-${rule.id}`} className="profile-card__name">
          {rule.name}
        </h3>
        <ul className="chips" aria-label="Tags given">
          {labels.map((label) => (
            <li key={label} className="chip">
              {label}
            </li>
          ))}
        </ul>
        <ul className="chips" aria-label="Conditions">
          {rule.specifications.map((spec, index) => (
            <li key={index} className={`chip chip--${spec.negate ? "negated" : spec.required ? "required" : "plain"}`}>
              {conditionSummary(spec, choices)}
              <span className="visually-hidden">{spec.negate ? ", negated" : spec.required ? ", required" : ""}</span>
            </li>
          ))}
        </ul>
        {rule.removeTagsAutomatically && <p className="profile-card__facts muted">Removes its tags automatically</p>}
        <div className="profile-card__actions">
          <button type="button" className="button button--small" aria-label={`Edit ${rule.name}`} onClick={onEdit}>
            Edit
          </button>
        </div>
      </article>
    </li>
  );
}

/** Radarr's Settings → Tags → Auto Tagging: the rules, each editable; new ones added from the condition types. */
export function AutoTagging() {
  const rules = useAutoTags();
  const choices = useChoices();
  const [editing, setEditing] = useState<AutoTagDraft | null>(null);

  return (
    <section className="panel" aria-labelledby="auto-tagging-heading">
      <div className="page-header">
        <h2 id="auto-tagging-heading">Auto Tagging</h2>
        <div className="page-header__actions">
          <button type="button" className="button button--primary" onClick={() => setEditing(emptyAutoTag())}>
            Add auto tag
          </button>
        </div>
      </div>
      <p className="muted">Rules that tag movies by what they are (genre, year, studio, profile…) when they are added, edited or refreshed.</p>
      {rules.isPending && <Loading what="auto tagging" />}
      {rules.isError && <ErrorMessage error={rules.error} title="Auto tagging unavailable" />}
      {rules.data?.length === 0 && <p className="muted">No auto tags yet.</p>}
      {rules.data && rules.data.length > 0 && (
        <ul className="profile-cards" aria-label="Auto tags">
          {rules.data.map((rule) => (
            <AutoTagCard key={rule.id} rule={rule} choices={choices} onEdit={() => setEditing(autoTagDraft(rule))} />
          ))}
        </ul>
      )}
      {editing && <AutoTagDialog key={editing.id} initial={editing} choices={choices} onClose={() => setEditing(null)} />}
    </section>
  );
}
