import { useState } from "react";
import { Link } from "react-router";
import { useCustomFormats, useCustomFormatSchema, type CustomFormat } from "../../../api/customFormats";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { conditionTone, draftOf, emptyDraft, type FormatDraft } from "../../../lib/customFormats";
import "../settings.css";
import { CustomFormatDialog } from "./CustomFormatDialog";
import { ExportFormatDialog, ImportFormatDialog } from "./FormatJsonDialogs";

const TONE_NOTES = { required: ", required", negated: ", negated", plain: "" };

function FormatCard({ format, onEdit, onCopy, onExport }: { format: CustomFormat; onEdit: () => void; onCopy: () => void; onExport: () => void }) {
  return (
    <li className="profile-card">
      <article aria-labelledby={`format-${format.id}`}>
        <h3 id={`format-${format.id}`} className="profile-card__name">
          {format.name}
        </h3>
        <ul className="chips" aria-label="Conditions">
          {format.specifications.map((spec, index) => {
            const tone = conditionTone(spec);
            return (
              <li key={index} className={`chip chip--${tone}`}>
                {spec.name}
                <span className="visually-hidden">{TONE_NOTES[tone]}</span>
              </li>
            );
          })}
        </ul>
        {format.includeCustomFormatWhenRenaming && <p className="profile-card__facts muted">Included when renaming</p>}
        <div className="profile-card__actions">
          <button type="button" className="button button--small" aria-label={`Edit ${format.name}`} onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="button button--small" aria-label={`Copy ${format.name}`} onClick={onCopy}>
            Copy
          </button>
          <button type="button" className="button button--small" aria-label={`Export ${format.name}`} onClick={onExport}>
            Export
          </button>
        </div>
      </article>
    </li>
  );
}

type Open = { kind: "edit"; draft: FormatDraft } | { kind: "import" } | { kind: "export"; format: CustomFormat };

/** Radarr's Settings → Custom Formats: the formats, each editable, copyable and exportable; new ones typed or imported from JSON. */
export function CustomFormatsPage() {
  const formats = useCustomFormats();
  const [open, setOpen] = useState<Open | null>(null);
  const schema = useCustomFormatSchema(open?.kind === "import");
  const close = () => setOpen(null);

  return (
    <>
      <h1>Custom formats</h1>
      <section className="panel" aria-labelledby="formats-heading">
        <div className="page-header">
          <h2 id="formats-heading">Custom formats</h2>
          <div className="page-header__actions">
            <button type="button" className="button" onClick={() => setOpen({ kind: "import" })}>
              Import
            </button>
            <button type="button" className="button button--primary" onClick={() => setOpen({ kind: "edit", draft: emptyDraft() })}>
              Add custom format
            </button>
          </div>
        </div>
        <p className="muted">
          Each format a release or file has adds its score in the movie's quality profile (<Link to="/settings/profiles">Settings → Profiles</Link>).
        </p>
        {formats.isPending && <Loading what="custom formats" />}
        {formats.isError && <ErrorMessage error={formats.error} title="Custom formats unavailable" />}
        {formats.data?.length === 0 && <p className="muted">No custom formats yet.</p>}
        {formats.data && formats.data.length > 0 && (
          <ul className="profile-cards" aria-label="Custom formats">
            {formats.data.map((format) => (
              <FormatCard
                key={format.id}
                format={format}
                onEdit={() => setOpen({ kind: "edit", draft: draftOf(format) })}
                onCopy={() => setOpen({ kind: "edit", draft: draftOf(format, true) })}
                onExport={() => setOpen({ kind: "export", format })}
              />
            ))}
          </ul>
        )}
      </section>
      {open?.kind === "edit" && <CustomFormatDialog key={open.draft.id} initial={open.draft} onClose={close} />}
      {open?.kind === "import" && schema.data && (
        <ImportFormatDialog schema={schema.data} into={emptyDraft()} onClose={close} onImported={(draft) => setOpen({ kind: "edit", draft })} />
      )}
      {open?.kind === "import" && schema.isError && <ErrorMessage error={schema.error} title="The condition types could not be loaded" />}
      {open?.kind === "export" && (
        <ExportFormatDialog
          format={{ name: open.format.name, includeCustomFormatWhenRenaming: Boolean(open.format.includeCustomFormatWhenRenaming), specifications: draftOf(open.format).specifications }}
          onClose={close}
        />
      )}
    </>
  );
}
