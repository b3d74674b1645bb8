import { useEffect, useState, type FormEvent } from "react";
import { ApiError } from "../../../api/errors";
import { useQualityDefinitions, useSaveQualityDefinitions } from "../../../api/settings";
import type { QualityDefinition } from "../../../api/types";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { definitionsFrom, draftOf, perHour, placeSizeFailures, SIZE_FIELDS, typingErrors, type SizeDraft, type SizeField } from "../../../lib/qualitySizes";
import "../settings.css";

const FIELD_LABELS: Record<SizeField, string> = {
  minSize: "Minimum",
  preferredSize: "Preferred",
  maxSize: "Maximum",
};

interface CellProps {
  draft: SizeDraft;
  quality: string;
  field: SizeField | "title";
  error?: string | undefined;
  onChange: (value: string) => void;
}

function Cell({ draft, quality, field, error, onChange }: CellProps) {
  const errorId = `size-${draft.id}-${field}-error`;
  return (
    <td>
      <input
        aria-label={field === "title" ? `Title of ${quality}` : `${FIELD_LABELS[field]} for ${quality} (MB per minute)`}
        inputMode={field === "title" ? undefined : "decimal"}
        value={draft[field]}
        placeholder={field === "title" || field === "minSize" ? "" : "No limit"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {field !== "title" && field !== "minSize" && <div className="muted size-table__per-hour">{perHour(draft[field])}</div>}
      {error && (
        <p id={errorId} className="size-table__error">
          {error}
        </p>
      )}
    </td>
  );
}

function SizesForm({ definitions }: { definitions: QualityDefinition[] }) {
  const [drafts, setDrafts] = useState(() => definitions.map(draftOf));
  const save = useSaveQualityDefinitions();
  const [checked, setChecked] = useState(false);
  // After a save (or another tab's), start again from what the server has.
  useEffect(() => setDrafts(definitions.map(draftOf)), [definitions]);

  const typed = typingErrors(drafts);
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const placed = placeSizeFailures(failures);
  const changed = drafts.some((draft, row) => JSON.stringify(draft) !== JSON.stringify(draftOf(definitions[row] as QualityDefinition)));
  const errorOf = (row: number, field: SizeField | "title") => (checked ? typed.get(row)?.[field as SizeField] : undefined) ?? placed.rows.get(row)?.[field];

  const edit = (row: number, field: SizeField | "title", value: string) => {
    setDrafts(drafts.map((draft, i) => (i === row ? { ...draft, [field]: value } : draft)));
    if (save.isError || save.isSuccess) save.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (typed.size > 0) return;
    save.mutate(definitionsFrom(drafts, definitions));
  };

  return (
    <form onSubmit={onSubmit} aria-label="Quality sizes" aria-busy={save.isPending} noValidate>
      <div className="table-wrap">
        <table className="table size-table">
          <thead>
            <tr>
              <th scope="col">Quality</th>
              <th scope="col">Title</th>
              <th scope="col">Minimum</th>
              <th scope="col">Preferred</th>
              <th scope="col">Maximum</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((draft, row) => {
              const quality = definitions[row]?.quality.name ?? draft.title;
              return (
                <tr key={draft.id}>
                  <th scope="row">{quality}</th>
                  <Cell draft={draft} quality={quality} field="title" error={errorOf(row, "title")} onChange={(v) => edit(row, "title", v)} />
                  {SIZE_FIELDS.map((field) => (
                    <Cell key={field} draft={draft} quality={quality} field={field} error={errorOf(row, field)} onChange={(v) => edit(row, field, v)} />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {placed.general.length > 0 && (
        <div className="alert alert--error" role="alert">
          {placed.general.join(" ")}
        </div>
      )}
      {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
      {(save.isError || (checked && typed.size > 0)) && (
        <div className="alert alert--error" role="alert">
          Nothing was saved: correct the marked sizes.
        </div>
      )}
      {save.isSuccess && !changed && (
        <div className="alert alert--ok" role="status">
          Saved.
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" disabled={!changed || save.isPending} onClick={() => setDrafts(definitions.map(draftOf))}>
          Discard changes
        </button>
        <button type="submit" className="button button--primary" disabled={!changed || save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}

/** Radarr's Settings → Quality: each quality's title and size limits in MB per minute of runtime. */
export function QualityPage() {
  const definitions = useQualityDefinitions();
  return (
    <>
      <h1>Quality</h1>
      <section className="panel" aria-labelledby="sizes-heading">
        <h2 id="sizes-heading">Quality sizes</h2>
        <p className="muted">
          Releases smaller than the minimum or larger than the maximum, for the film's runtime, are refused; among the rest the one
          closest to the preferred size wins. Sizes are megabytes per minute (a 2-hour film at 100 MB/min is about 12 GB); an empty
          field is no limit.
        </p>
        {definitions.isPending && <Loading what="quality sizes" />}
        {definitions.isError && <ErrorMessage error={definitions.error} title="Quality sizes unavailable" />}
        {definitions.data && <SizesForm definitions={definitions.data} />}
      </section>
    </>
  );
}
