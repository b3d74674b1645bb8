import { useState, type FormEvent } from "react";
import { ApiError } from "../../../api/errors";
import { useDelayProfiles, useDeleteDelayProfile, useReorderDelayProfile, useSaveDelayProfile, type DelayProfile } from "../../../api/profiles";
import { Dialog } from "../../../components/Dialog";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { Checkbox, Field, SelectField } from "../../../components/Field";
import { ArrowDownIcon, ArrowUpIcon } from "../../../components/Icons";
import { TagsField, useTagLabels } from "../../../components/TagsField";
import { useTagDraft } from "../../../hooks/useTagDraft";
import { delayText, isGlobal, moveDelayProfile, newDelayProfile, PROTOCOL_CHOICES, protocolChoice, protocolLabel, withProtocolChoice, type ProtocolChoice } from "../../../lib/delayProfiles";
import { placeErrors } from "../../../lib/validation";

const FIELDS = { usenetDelay: "usenetDelay", torrentDelay: "torrentDelay", tags: "tags", preferredProtocol: "protocol", minimumCustomFormatScore: "minimumCustomFormatScore" };

const minutes = (text: string) => Math.trunc(Number(text)) || 0;

function DelayProfileDialog({ profile, onClose }: { profile: DelayProfile; onClose: () => void }) {
  const [draft, setDraft] = useState(profile);
  const [tagError, setTagError] = useState<unknown>(null);
  const tags = useTagDraft(profile.tags);
  const save = useSaveDelayProfile();
  const remove = useDeleteDelayProfile();
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const errors = placeErrors(failures, FIELDS);
  const global = isGlobal(profile);
  const choice = protocolChoice(draft);
  const title = profile.id ? (global ? "Edit the global delay profile" : "Edit delay profile") : "Add delay profile";

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTagError(null);
    try {
      const tagIds = global ? [] : await tags.resolve();
      save.mutate({ ...draft, tags: tagIds }, { onSuccess: onClose });
    } catch (error) {
      setTagError(error);
    }
  };

  return (
    <Dialog title={title} open onClose={onClose}>
      <form className="form" onSubmit={onSubmit} aria-label={title} aria-busy={save.isPending} noValidate>
        <SelectField label="Preferred protocol" value={choice} error={errors.fields.protocol} onChange={(e) => setDraft(withProtocolChoice(draft, e.target.value as ProtocolChoice))}>
          {PROTOCOL_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
        {draft.enableUsenet && (
          <Field label="Usenet delay (minutes)" type="number" min={0} value={draft.usenetDelay} error={errors.fields.usenetDelay} hint="How long to wait for a better usenet release before grabbing." onChange={(e) => setDraft({ ...draft, usenetDelay: minutes(e.target.value) })} />
        )}
        {draft.enableTorrent && (
          <Field label="Torrent delay (minutes)" type="number" min={0} value={draft.torrentDelay} error={errors.fields.torrentDelay} hint="How long to wait for a better torrent release before grabbing." onChange={(e) => setDraft({ ...draft, torrentDelay: minutes(e.target.value) })} />
        )}
        <Checkbox
          label="Bypass if highest quality"
          checked={draft.bypassIfHighestQuality}
          hint="Grab at once, without the delay, a release in the profile's most preferred quality."
          onChange={(e) => setDraft({ ...draft, bypassIfHighestQuality: e.target.checked })}
        />
        <Checkbox
          label="Bypass if above custom format score"
          checked={draft.bypassIfAboveCustomFormatScore}
          hint="Grab at once, without the delay, a release whose custom format score reaches the minimum below."
          onChange={(e) => setDraft({ ...draft, bypassIfAboveCustomFormatScore: e.target.checked })}
        />
        {draft.bypassIfAboveCustomFormatScore && (
          <Field
            label="Minimum custom format score"
            type="number"
            value={draft.minimumCustomFormatScore}
            error={errors.fields.minimumCustomFormatScore}
            onChange={(e) => setDraft({ ...draft, minimumCustomFormatScore: minutes(e.target.value) })}
          />
        )}
        {global ? (
          <p className="field__hint">The global profile applies to every film no tagged profile applies to; it has no tags.</p>
        ) : (
          <>
            <TagsField value={tags.labels} onChange={tags.setLabels} error={errors.fields.tags} />
            <p className="field__hint">Applies to films with at least one of these tags (the first matching profile in the list wins).</p>
          </>
        )}
        {errors.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {errors.general.join(" ")}
          </div>
        )}
        {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
        {tagError !== null && <ErrorMessage error={tagError} title="Could not create the tags" />}
        {remove.isError && <ErrorMessage error={remove.error} title="Could not delete" />}
        <div className="dialog__actions">
          {profile.id > 0 && !global && (
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

function TagList({ ids }: { ids: number[] }) {
  const labels = useTagLabels(ids);
  return <>{labels.join(", ")}</>;
}

function DelayRow({ profiles, index, onEdit }: { profiles: DelayProfile[]; index: number; onEdit: () => void }) {
  const reorder = useReorderDelayProfile();
  const profile = profiles[index] as DelayProfile;
  const name = isGlobal(profile) ? "Global" : `Delay profile ${index + 1}`;
  const bypass = [profile.bypassIfHighestQuality && "highest quality", profile.bypassIfAboveCustomFormatScore && `score of at least ${profile.minimumCustomFormatScore}`].filter(Boolean).join(", ");
  const move = (direction: "up" | "down") => {
    const call = moveDelayProfile(profiles, index, direction);
    if (call) reorder.mutate(call);
  };
  return (
    <tr>
      <th scope="row">{isGlobal(profile) ? <span>Global</span> : <TagList ids={profile.tags} />}</th>
      <td>{protocolLabel(profile)}</td>
      <td>{delayText(profile.usenetDelay, profile.enableUsenet)}</td>
      <td>{delayText(profile.torrentDelay, profile.enableTorrent)}</td>
      <td>{bypass || "—"}</td>
      <td className="actions">
        <button type="button" className="button button--small" aria-label={`Edit ${name}`} onClick={onEdit}>
          Edit
        </button>
        {!isGlobal(profile) && (
          <>
            <button type="button" className="button button--small button--quiet" aria-label={`Move ${name} up`} disabled={!moveDelayProfile(profiles, index, "up") || reorder.isPending} onClick={() => move("up")}>
              <ArrowUpIcon />
            </button>
            <button type="button" className="button button--small button--quiet" aria-label={`Move ${name} down`} disabled={!moveDelayProfile(profiles, index, "down") || reorder.isPending} onClick={() => move("down")}>
              <ArrowDownIcon />
            </button>
          </>
        )}
        {reorder.isError && <span className="field__error">{reorder.error.message}</span>}
      </td>
    </tr>
  );
}

/** Radarr's delay profiles: in order (the first whose tags a film has applies), the global one last. */
export function DelayProfiles() {
  const profiles = useDelayProfiles();
  const [editing, setEditing] = useState<DelayProfile | null>(null);
  return (
    <section className="panel" aria-labelledby="delay-profiles-heading">
      <div className="page-header">
        <h2 id="delay-profiles-heading">Delay profiles</h2>
        <div className="page-header__actions">
          <button type="button" className="button" onClick={() => setEditing(newDelayProfile())}>
            Add delay profile
          </button>
        </div>
      </div>
      <p className="muted">Wait a while for a better release before grabbing one. The first profile whose tags a film has applies to it; films matching none get the global profile.</p>
      {profiles.isPending && <Loading what="delay profiles" />}
      {profiles.isError && <ErrorMessage error={profiles.error} title="Delay profiles unavailable" />}
      {profiles.data && (
        <div className="table-wrap">
          <table className="table" aria-label="Delay profiles">
            <thead>
              <tr>
                <th scope="col">Tags</th>
                <th scope="col">Protocol</th>
                <th scope="col">Usenet delay</th>
                <th scope="col">Torrent delay</th>
                <th scope="col">Bypass</th>
                <th scope="col" className="actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {profiles.data.map((profile, index) => (
                <DelayRow key={profile.id} profiles={profiles.data} index={index} onEdit={() => setEditing(profile)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <DelayProfileDialog key={editing.id} profile={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
