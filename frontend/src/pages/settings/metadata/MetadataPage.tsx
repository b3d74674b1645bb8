import { useState } from "react";
import { CERTIFICATION_COUNTRIES, useMetadataConfig, useSaveMetadataConfig, type CertificationCountry, type MetadataProvider } from "../../../api/metadata";
import { useProviderSchema, useProviders } from "../../../api/providers";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { SelectField } from "../../../components/Field";
import { useOptionsDraft } from "../../../hooks/useOptionsDraft";
import { metadataWriters } from "../../../lib/metadata";
import "../settings.css";
import { MetadataDialog } from "./MetadataDialog";

const OPTION_FIELDS = { certificationCountry: "certificationCountry" };

/** Radarr's metadata options: whose rating certificate films carry. */
function MetadataOptions() {
  const config = useMetadataConfig();
  const save = useSaveMetadataConfig();
  const { draft, errors, failures, update, onSubmit } = useOptionsDraft(config, save, OPTION_FIELDS);

  if (config.isPending) return <Loading what="the metadata options" />;
  if (config.isError) return <ErrorMessage error={config.error} title="The metadata options could not be loaded" />;
  if (!draft) return null;

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Metadata options" aria-busy={save.isPending} noValidate>
      <SelectField
        label="Certification Country"
        value={draft.certificationCountry}
        error={errors.fields.certificationCountry}
        hint="Select Country for Movie Certifications"
        onChange={(e) => update({ certificationCountry: e.target.value as CertificationCountry })}
      >
        {CERTIFICATION_COUNTRIES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <p className="field__hint">Films take it up when their information is next refreshed.</p>
      {errors.general.length > 0 && (
        <div className="alert alert--error" role="alert">
          {errors.general.join(" ")}
        </div>
      )}
      {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save options"}
        </button>
        <span role="status">{save.isSuccess && "Options saved"}</span>
      </div>
    </form>
  );
}

const SECTIONS = [
  { section: "metadata", heading: "Metadata" },
  { section: "image", heading: "Images" },
];

/** The labels of a writer's switched-on settings of one section ("metadata" or "image"). */
function switchedOn(writer: MetadataProvider, section: string): string[] {
  return writer.fields.filter((f) => (f.section === "metadata") === (section === "metadata") && f.value === true).map((f) => f.label ?? f.name);
}

function WriterCard({ writer, onEdit }: { writer: MetadataProvider; onEdit: () => void }) {
  const id = `metadata-${writer.implementation}`;
  return (
    <li className="profile-card">
      <article aria-labelledby={id}>
        <h3 id={id} className="profile-card__name">
          {writer.name}
        </h3>
        {writer.enable ? <span className="badge">Enabled</span> : <span className="badge badge--muted">Disabled</span>}
        {writer.enable &&
          SECTIONS.map(({ section, heading }) => {
            const on = switchedOn(writer, section);
            return on.length > 0 ? (
              <p key={section} className="profile-card__facts">
                {heading}: {on.join(", ")}
              </p>
            ) : null;
          })}
        <div className="profile-card__actions">
          <button type="button" className="button button--small" aria-label={`Edit ${writer.name}`} onClick={onEdit}>
            Edit
          </button>
        </div>
      </article>
    </li>
  );
}

/** Radarr's Settings → Metadata: the options, and the files written beside each film for media centres. */
export function MetadataPage() {
  const saved = useProviders<MetadataProvider>("metadata");
  const schema = useProviderSchema<MetadataProvider>("metadata", true);
  const [editing, setEditing] = useState<MetadataProvider | null>(null);
  const writers = saved.data && schema.data ? metadataWriters(saved.data, schema.data) : null;

  return (
    <>
      <h1>Metadata</h1>
      <section className="panel" aria-labelledby="metadata-options-heading">
        <h2 id="metadata-options-heading">Options</h2>
        <MetadataOptions />
      </section>
      <section className="panel" aria-labelledby="metadata-writers-heading">
        <h2 id="metadata-writers-heading">Metadata</h2>
        <p className="muted">Files written beside each film (and its images) for Kodi, Emby, Roksbox and WD TV, on import, rescan and rename.</p>
        {(saved.isPending || schema.isPending) && <Loading what="the metadata writers" />}
        {saved.isError && <ErrorMessage error={saved.error} title="The metadata writers could not be loaded" />}
        {schema.isError && <ErrorMessage error={schema.error} title="The metadata kinds could not be loaded" />}
        {writers && (
          <ul className="profile-cards" aria-label="Metadata writers">
            {writers.map((writer) => (
              <WriterCard key={writer.implementation} writer={writer} onEdit={() => setEditing(writer)} />
            ))}
          </ul>
        )}
      </section>
      {editing && <MetadataDialog writer={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
