import { useState, type FormEvent } from "react";
import { ApiError } from "../../../api/errors";
import { useDeleteReleaseProfile, useReleaseProfiles, useSaveReleaseProfile, type ReleaseProfile } from "../../../api/profiles";
import { useIndexers } from "../../../api/providers";
import { Dialog } from "../../../components/Dialog";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { Checkbox, Field, SelectField } from "../../../components/Field";
import { ListField } from "../../../components/ListField";
import { TagsField, useTagLabels } from "../../../components/TagsField";
import { useTagDraft } from "../../../hooks/useTagDraft";
import { placeErrors } from "../../../lib/validation";

const FIELDS = { name: "name", required: "required", ignored: "ignored", indexerId: "indexerId", tags: "tags" };

const newReleaseProfile = (): ReleaseProfile => ({ id: 0, name: "", enabled: true, required: [], ignored: [], indexerId: 0, tags: [] });

const TERMS_HINT = "A word or phrase (case-insensitive), or /a regular expression/ between slashes. Enter adds it.";

function ReleaseProfileDialog({ profile, onClose }: { profile: ReleaseProfile; onClose: () => void }) {
  const [draft, setDraft] = useState(profile);
  const [tagError, setTagError] = useState<unknown>(null);
  const tags = useTagDraft(profile.tags);
  const indexers = useIndexers();
  const save = useSaveReleaseProfile();
  const remove = useDeleteReleaseProfile();
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const errors = placeErrors(failures, FIELDS);
  const title = profile.id ? `Edit ${profile.name || "release profile"}` : "Add release profile";

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTagError(null);
    try {
      const tagIds = await tags.resolve();
      save.mutate({ ...draft, name: draft.name?.trim() ?? "", tags: tagIds }, { onSuccess: onClose });
    } catch (error) {
      setTagError(error);
    }
  };

  return (
    <Dialog title={title} open onClose={onClose} wide>
      <form className="form" onSubmit={onSubmit} aria-label={title} aria-busy={save.isPending} noValidate>
        <Field label="Name" autoComplete="off" value={draft.name ?? ""} error={errors.fields.name} hint="Optional." onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <Checkbox label="Enable profile" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
        <ListField
          label="Must contain"
          values={draft.required}
          error={errors.fields.required}
          hint={`A release must contain at least one of these. ${TERMS_HINT}`}
          chipClass="chip--required"
          onChange={(required) => setDraft({ ...draft, required })}
        />
        <ListField
          label="Must not contain"
          values={draft.ignored}
          error={errors.fields.ignored}
          hint={`A release containing any of these is refused. ${TERMS_HINT}`}
          chipClass="chip--negated"
          onChange={(ignored) => setDraft({ ...draft, ignored })}
        />
        <SelectField label="Indexer" value={draft.indexerId} error={errors.fields.indexerId} hint="Apply the profile to releases from one indexer only." onChange={(e) => setDraft({ ...draft, indexerId: Number(e.target.value) })}>
          <option value={0}>Any indexer</option>
          {draft.indexerId > 0 && !indexers.data?.some((i) => i.id === draft.indexerId) && <option value={draft.indexerId}>Indexer {draft.indexerId}</option>}
          {indexers.data?.map((indexer) => (
            <option key={indexer.id} value={indexer.id}>
              {indexer.name}
            </option>
          ))}
        </SelectField>
        <TagsField value={tags.labels} onChange={tags.setLabels} error={errors.fields.tags} />
        <p className="field__hint">With tags, the profile applies only to films with at least one of them; without, to every film.</p>
        {errors.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {errors.general.join(" ")}
          </div>
        )}
        {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
        {tagError !== null && <ErrorMessage error={tagError} title="Could not create the tags" />}
        {remove.isError && <ErrorMessage error={remove.error} title="Could not delete" />}
        <div className="dialog__actions">
          {profile.id > 0 && (
            <button type="button" className="button button--danger-quiet dialog__actions-start" disabled={remove.isPending} onClick={() => remove.mutate(profile.id, { onSuccess: onClose })}>
              Delete
            </button>
          )}
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

function Terms({ label, terms, tone }: { label: string; terms: string[]; tone: string }) {
  if (terms.length === 0) return null;
  return (
    <ul className="chips" aria-label={label}>
      {terms.map((term) => (
        <li key={term} className={`chip chip--${tone}`}>
          {term}
        </li>
      ))}
    </ul>
  );
}

function ReleaseProfileCard({ profile, indexerName, onEdit }: { profile: ReleaseProfile; indexerName: string | undefined; onEdit: () => void }) {
  const tags = useTagLabels(profile.tags);
  const name = profile.name || "Release profile";
  return (
    <li className="profile-card">
      <article aria-labelledby={`release-profile-${profile.id}`}>
        <h3 id={`release-profile-${profile.id}`} className="profile-card__name">
          {name}
        </h3>
        <Terms label="Must contain" terms={profile.required} tone="required" />
        <Terms label="Must not contain" terms={profile.ignored} tone="negated" />
        <p className="profile-card__facts muted">
          {profile.enabled ? "Enabled" : "Disabled"}
          {profile.indexerId > 0 && ` · only ${indexerName ?? `indexer ${profile.indexerId}`}`}
          {tags.length > 0 && ` · tags: ${tags.join(", ")}`}
        </p>
        <div className="profile-card__actions">
          <button type="button" className="button button--small" aria-label={`Edit ${name}`} onClick={onEdit}>
            Edit
          </button>
        </div>
      </article>
    </li>
  );
}

/** Radarr's release profiles: terms a release must or must not contain, per indexer and tags. */
export function ReleaseProfiles() {
  const profiles = useReleaseProfiles();
  const indexers = useIndexers();
  const [editing, setEditing] = useState<ReleaseProfile | null>(null);
  return (
    <section className="panel" aria-labelledby="release-profiles-heading">
      <div className="page-header">
        <h2 id="release-profiles-heading">Release profiles</h2>
        <div className="page-header__actions">
          <button type="button" className="button" onClick={() => setEditing(newReleaseProfile())}>
            Add release profile
          </button>
        </div>
      </div>
      {profiles.isPending && <Loading what="release profiles" />}
      {profiles.isError && <ErrorMessage error={profiles.error} title="Release profiles unavailable" />}
      {profiles.data?.length === 0 && <p className="muted">No release profiles: releases are not refused for the words in their titles.</p>}
      {profiles.data && profiles.data.length > 0 && (
        <ul className="profile-cards" aria-label="Release profiles">
          {profiles.data.map((profile) => (
            <ReleaseProfileCard
              key={profile.id}
              profile={profile}
              indexerName={indexers.data?.find((i) => i.id === profile.indexerId)?.name}
              onEdit={() => setEditing(profile)}
            />
          ))}
        </ul>
      )}
      {editing && <ReleaseProfileDialog key={editing.id} profile={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
