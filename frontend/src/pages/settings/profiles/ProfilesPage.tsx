import { useState } from "react";
import { useMovies, useQualityProfiles } from "../../../api/library";
import { useDeleteQualityProfile, useQualityProfileSchema } from "../../../api/settings";
import type { QualityProfile } from "../../../api/types";
import { Dialog } from "../../../components/Dialog";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { allowedNames, copyOf, cutoffOptions } from "../../../lib/qualityProfile";
import "../settings.css";
import { DelayProfiles } from "./DelayProfiles";
import { QualityProfileDialog } from "./QualityProfileDialog";
import { ReleaseProfiles } from "./ReleaseProfiles";

function DeleteProfileDialog({ profile, usedBy, onClose }: { profile: QualityProfile; usedBy: number; onClose: () => void }) {
  const remove = useDeleteQualityProfile();
  return (
    <Dialog title={`Delete ${profile.name}`} open onClose={onClose}>
      {usedBy > 0 ? (
        <p>
          {usedBy === 1 ? "1 movie uses" : `${usedBy.toLocaleString()} movies use`} this profile. Give them another one (the
          library's mass editor changes many at once), then delete it.
        </p>
      ) : (
        <p>
          Delete the quality profile <strong>{profile.name}</strong>?
        </p>
      )}
      {remove.isError && <ErrorMessage error={remove.error} title="Could not delete" />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate(profile.id, { onSuccess: onClose })}>
          {remove.isPending ? "Deleting…" : "Delete"}
        </button>
      </div>
    </Dialog>
  );
}

function ProfileCard({ profile, usedBy, onEdit, onCopy, onDelete }: { profile: QualityProfile; usedBy: number; onEdit: () => void; onCopy: () => void; onDelete: () => void }) {
  const cutoff = cutoffOptions(profile.items).find((option) => option.id === profile.cutoff);
  return (
    <li className="profile-card">
      <article aria-labelledby={`profile-${profile.id}`}>
        <h3 id={`profile-${profile.id}`} className="profile-card__name">
          {profile.name}
        </h3>
        <ul className="chips" aria-label="Allowed qualities">
          {allowedNames(profile.items).map((name) => (
            <li key={name} className={`chip${profile.upgradeAllowed && name === cutoff?.name ? " chip--cutoff" : ""}`}>
              {name}
            </li>
          ))}
        </ul>
        <p className="muted profile-card__facts">
          {profile.upgradeAllowed ? `Upgrades until ${cutoff?.name ?? "—"}` : "No upgrades"}
          {profile.language && ` · ${profile.language.name}`}
          {` · ${usedBy === 1 ? "1 movie" : `${usedBy.toLocaleString()} movies`}`}
        </p>
        <div className="profile-card__actions">
          <button type="button" className="button button--small" aria-label={`Edit ${profile.name}`} onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="button button--small" aria-label={`Copy ${profile.name}`} onClick={onCopy}>
            Copy
          </button>
          <button type="button" className="button button--small button--danger-quiet" aria-label={`Delete ${profile.name}`} onClick={onDelete}>
            Delete
          </button>
        </div>
      </article>
    </li>
  );
}

type Editing = { kind: "edit"; profile: QualityProfile } | { kind: "new" } | { kind: "delete"; profile: QualityProfile };

/**
 * Radarr's Settings → Profiles: the quality profiles (each editable, copyable and deletable), then
 * the delay profiles and the release profiles.
 */
export function ProfilesPage() {
  const profiles = useQualityProfiles();
  const movies = useMovies();
  const [editing, setEditing] = useState<Editing | null>(null);
  const schema = useQualityProfileSchema(editing?.kind === "new");
  const usage = new Map<number, number>();
  for (const movie of movies.data ?? []) usage.set(movie.qualityProfileId, (usage.get(movie.qualityProfileId) ?? 0) + 1);
  const close = () => setEditing(null);

  return (
    <>
      <h1>Profiles</h1>
      <section className="panel" aria-labelledby="quality-profiles-heading">
        <div className="page-header">
          <h2 id="quality-profiles-heading">Quality profiles</h2>
          <div className="page-header__actions">
            <button type="button" className="button button--primary" onClick={() => setEditing({ kind: "new" })}>
              Add profile
            </button>
          </div>
        </div>
        {profiles.isPending && <Loading what="quality profiles" />}
        {profiles.isError && <ErrorMessage error={profiles.error} title="Quality profiles unavailable" />}
        {profiles.data && (
          <ul className="profile-cards" aria-label="Quality profiles">
            {profiles.data.map((profile) => (
              <ProfileCard
                key={profile.id}
                profile={profile}
                usedBy={usage.get(profile.id) ?? 0}
                onEdit={() => setEditing({ kind: "edit", profile })}
                onCopy={() => setEditing({ kind: "edit", profile: copyOf(profile) })}
                onDelete={() => setEditing({ kind: "delete", profile })}
              />
            ))}
          </ul>
        )}
      </section>
      <DelayProfiles />
      <ReleaseProfiles />
      {editing?.kind === "edit" && <QualityProfileDialog profile={editing.profile} onClose={close} />}
      {editing?.kind === "new" && schema.data && <QualityProfileDialog profile={schema.data} onClose={close} />}
      {editing?.kind === "new" && schema.isError && <ErrorMessage error={schema.error} title="Could not start a new profile" />}
      {editing?.kind === "delete" && <DeleteProfileDialog profile={editing.profile} usedBy={usage.get(editing.profile.id) ?? 0} onClose={close} />}
    </>
  );
}
