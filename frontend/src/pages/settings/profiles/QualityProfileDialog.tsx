import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../../../api/errors";
import { useLanguages, useSaveQualityProfile } from "../../../api/settings";
import type { QualityProfile } from "../../../api/types";
import { Dialog } from "../../../components/Dialog";
import { ErrorMessage } from "../../../components/Feedback";
import { Checkbox, Field, SelectField } from "../../../components/Field";
import { cutoffOptions, ensureCutoff, formatScoreOrder, withItems } from "../../../lib/qualityProfile";
import { placeErrors } from "../../../lib/validation";
import { QualityItemsEditor } from "./QualityItemsEditor";

const FIELDS = {
  name: "name",
  cutoff: "cutoff",
  items: "items",
  language: "language",
  "language.id": "language",
  minFormatScore: "minFormatScore",
  cutoffFormatScore: "cutoffFormatScore",
  minUpgradeFormatScore: "minUpgradeFormatScore",
  formatItems: "formatItems",
};

function ScoreField({ label, value, error, onChange }: { label: string; value: number; error?: string | undefined; onChange: (value: number) => void }) {
  return <Field label={label} type="number" step={1} value={value} error={error} onChange={(e) => onChange(Math.trunc(Number(e.target.value)) || 0)} />;
}

/**
 * Custom format scores as Radarr shows them: the minimum score, the upgrade limits (when upgrades
 * are allowed) and each format's score, highest first (the order is taken when the editor opens,
 * so rows do not jump while typing).
 */
function FormatScores({ draft, errors, onChange }: { draft: QualityProfile; errors: Record<string, string>; onChange: (profile: QualityProfile) => void }) {
  const [order] = useState(() => formatScoreOrder(draft.formatItems));
  if (draft.formatItems.length === 0) {
    return (
      <p className="muted">
        Want more control over which releases are preferred? <Link to="/settings/customformats">Add a custom format</Link>, then give it a score here.
      </p>
    );
  }
  const setScore = (format: number, score: number) => onChange({ ...draft, formatItems: draft.formatItems.map((f) => (f.format === format ? { ...f, score } : f)) });
  return (
    <fieldset className="form format-scores">
      <legend>Custom formats</legend>
      <ScoreField label="Minimum custom format score" value={draft.minFormatScore} error={errors.minFormatScore} onChange={(v) => onChange({ ...draft, minFormatScore: v })} />
      {draft.upgradeAllowed && (
        <>
          <ScoreField label="Upgrade until custom format score" value={draft.cutoffFormatScore} error={errors.cutoffFormatScore} onChange={(v) => onChange({ ...draft, cutoffFormatScore: v })} />
          <ScoreField
            label="Minimum custom format score increment"
            value={draft.minUpgradeFormatScore}
            error={errors.minUpgradeFormatScore}
            onChange={(v) => onChange({ ...draft, minUpgradeFormatScore: v })}
          />
        </>
      )}
      <p className="field__hint">A release's score is the sum of the scores of the formats it has. Releases below the minimum are refused.</p>
      {errors.formatItems && <p className="field__error">{errors.formatItems}</p>}
      <table className="table format-scores__table" aria-label="Custom format scores">
        <thead>
          <tr>
            <th scope="col">Custom format</th>
            <th scope="col" className="numeric">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {order.map((index) => {
            const item = draft.formatItems[index];
            if (!item) return null;
            return (
              <tr key={item.format}>
                <th scope="row">{item.name}</th>
                <td className="numeric">
                  <input
                    type="number"
                    step={1}
                    aria-label={`Score of ${item.name}`}
                    value={item.score}
                    onChange={(e) => setScore(item.format, Math.trunc(Number(e.target.value)) || 0)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}

/** Create or change a quality profile; the server's validation messages appear on the fields. */
export function QualityProfileDialog({ profile, onClose }: { profile: QualityProfile; onClose: () => void }) {
  const [draft, setDraft] = useState(() => ensureCutoff(profile));
  const save = useSaveQualityProfile();
  const languages = useLanguages();
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const errors = placeErrors(failures, FIELDS);
  // Every message about the qualities (there may be several), under the list.
  const itemsError = failures.filter((f) => f.propertyName.toLowerCase() === "items").map((f) => f.errorMessage).join(" ");
  const options = cutoffOptions(draft.items);
  const title = profile.id ? `Edit ${profile.name}` : "Add quality profile";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ ...draft, name: draft.name.trim() }, { onSuccess: onClose });
  };

  return (
    <Dialog title={title} open onClose={onClose} wide>
      <form className="form" onSubmit={onSubmit} aria-busy={save.isPending} aria-label={title} noValidate>
        <Field label="Name" name="name" required autoComplete="off" value={draft.name} error={errors.fields.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <Checkbox
          label="Upgrades allowed"
          name="upgradeAllowed"
          checked={draft.upgradeAllowed}
          hint={draft.upgradeAllowed ? "A better release replaces the file until the cutoff is reached." : "Once a file is there, nothing replaces it."}
          onChange={(e) => setDraft({ ...draft, upgradeAllowed: e.target.checked })}
        />
        {draft.upgradeAllowed && (
          <SelectField
            label="Upgrade until"
            name="cutoff"
            value={draft.cutoff}
            error={errors.fields.cutoff}
            hint="Allowed qualities only; past this one no upgrade is grabbed."
            onChange={(e) => setDraft({ ...draft, cutoff: Number(e.target.value) })}
          >
            {options.length === 0 && <option value={0}>Allow a quality first</option>}
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </SelectField>
        )}
        {!draft.upgradeAllowed && errors.fields.cutoff && (
          <p className="field__error" role="alert">
            {errors.fields.cutoff}
          </p>
        )}
        <SelectField
          label="Language"
          name="language"
          value={draft.language?.id ?? ""}
          error={errors.fields.language}
          hint="Releases in other languages are refused (Any: no rule; Original: the film's own language)."
          onChange={(e) => {
            const language = languages.data?.find((l) => l.id === Number(e.target.value));
            if (language) setDraft({ ...draft, language: { id: language.id, name: language.name } });
          }}
        >
          {!languages.data && draft.language && <option value={draft.language.id}>{draft.language.name}</option>}
          {languages.data
            ?.filter((l) => l.name !== "Unknown")
            .map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
        </SelectField>
        <FormatScores draft={draft} errors={errors.fields} onChange={setDraft} />
        <QualityItemsEditor items={draft.items} error={itemsError || undefined} onChange={(items) => setDraft(withItems(draft, items))} />
        {errors.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {errors.general.join(" ")}
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
