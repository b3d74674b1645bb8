import { useCleanupPreview, useImportListConfig, useSaveImportListConfig, type ListSyncLevel } from "../../../api/importLists";
import { useTags } from "../../../api/library";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { SelectField } from "../../../components/Field";
import { useOptionsDraft } from "../../../hooks/useOptionsDraft";
import "../settings.css";

const FIELDS = { listSyncLevel: "listSyncLevel", listSyncTag: "listSyncTag" };

const LEVELS: { value: ListSyncLevel; label: string }[] = [
  { value: "disabled", label: "Disabled" },
  { value: "logOnly", label: "Log only" },
  { value: "keepAndUnmonitor", label: "Keep and unmonitor" },
  { value: "removeAndKeep", label: "Remove and keep files" },
  { value: "removeAndDelete", label: "Remove and delete files" },
];

const levelLabel = (level: ListSyncLevel) => LEVELS.find((l) => l.value === level)?.label ?? level;

/** What the next sync's clean-up would do, and why it would not act when it would not. */
function CleanupPreviewPanel() {
  const preview = useCleanupPreview(true);
  if (preview.isPending) return <Loading what="the clean-up preview" />;
  if (preview.isError) return <ErrorMessage error={preview.error} title="The clean-up preview could not be loaded" />;
  const { data } = preview;
  return (
    <section aria-labelledby="cleanup-preview-heading">
      <h3 id="cleanup-preview-heading">What the next sync would clean up</h3>
      {data.listSyncLevel === "disabled" && <p className="muted">Clean-up is disabled: films that leave the lists stay as they are.</p>}
      {data.listSyncLevel !== "disabled" && !data.willAct && (
        <p role="note" className="alert alert--warning">
          The clean-up would do nothing now: {data.heldReason}.
        </p>
      )}
      {data.listSyncLevel !== "disabled" && data.movies.length === 0 && <p className="muted">Every film in the library is on a list.</p>}
      {data.listSyncLevel !== "disabled" && data.movies.length > 0 && (
        <ul aria-label="Films the clean-up would act on">
          {data.movies.map((m) => (
            <li key={m.movieId}>
              {m.title} ({m.year}): {levelLabel(m.action)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Radarr's list options: what happens to films no list offers any more. */
export function ListSyncOptions() {
  const config = useImportListConfig();
  const save = useSaveImportListConfig();
  const tags = useTags();
  const { draft, errors, failures, update, onSubmit } = useOptionsDraft(config, save, FIELDS);

  if (config.isPending) return <Loading what="the list options" />;
  if (config.isError) return <ErrorMessage error={config.error} title="The list options could not be loaded" />;
  if (!draft) return null;

  return (
    <>
      <form className="form" onSubmit={onSubmit} aria-label="List options" aria-busy={save.isPending} noValidate>
        <SelectField
          label="Clean library level"
          value={draft.listSyncLevel}
          error={errors.fields.listSyncLevel}
          hint="What a sync does to library films that are on no list. It never acts while a list fails, answers nothing or is cut short."
          onChange={(e) => update({ listSyncLevel: e.target.value as ListSyncLevel })}
        >
          {LEVELS.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </SelectField>
        {draft.listSyncLevel === "removeAndDelete" && (
          <p className="alert alert--warning">Files go to the recycle bin (Settings → Media Management); without one they are kept.</p>
        )}
        <SelectField
          label="List sync tag"
          value={draft.listSyncTag}
          error={errors.fields.listSyncTag}
          hint="A tag put on the films the clean-up only logs or unmonitors."
          onChange={(e) => update({ listSyncTag: Number(e.target.value) })}
        >
          <option value={0}>None</option>
          {(tags.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </SelectField>
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
      <CleanupPreviewPanel />
    </>
  );
}
