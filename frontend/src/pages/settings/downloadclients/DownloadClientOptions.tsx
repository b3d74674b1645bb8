import { useDownloadClientConfig, useSaveDownloadClientConfig } from "../../../api/downloadClients";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { useOptionsDraft } from "../../../hooks/useOptionsDraft";
import { Checkbox, Field } from "../../../components/Field";
import { ListField } from "../../../components/ListField";
import { joinWorkingFolders, splitWorkingFolders } from "../../../lib/downloadClients";
import "../settings.css";

const FIELDS = Object.fromEntries(
  [
    "enableCompletedDownloadHandling",
    "checkForFinishedDownloadInterval",
    "downloadClientWorkingFolders",
    "autoRedownloadFailed",
    "autoRedownloadFailedFromInteractiveSearch",
  ].map((key) => [key, key]),
);

/** Radarr's completed and failed download handling, which every download client obeys. */
export function DownloadClientOptions() {
  const config = useDownloadClientConfig();
  const save = useSaveDownloadClientConfig();
  const { draft, errors, failures, update, onSubmit } = useOptionsDraft(config, save, FIELDS);

  if (config.isPending) return <Loading what="the download client options" />;
  if (config.isError) return <ErrorMessage error={config.error} title="The download client options could not be loaded" />;
  if (!draft) return null;


  return (
    <form className="form" onSubmit={onSubmit} aria-label="Download client options" aria-busy={save.isPending} noValidate>
      <fieldset className="fieldset options-group">
        <legend>Completed download handling</legend>
        <Checkbox
          label="Enable completed download handling"
          checked={draft.enableCompletedDownloadHandling}
          error={errors.fields.enableCompletedDownloadHandling}
          hint="Import finished downloads from the download clients automatically."
          onChange={(e) => update({ enableCompletedDownloadHandling: e.target.checked })}
        />
        <Field
          label="Check for finished downloads every (minutes)"
          name="checkForFinishedDownloadInterval"
          type="number"
          step={1}
          min={1}
          max={120}
          value={draft.checkForFinishedDownloadInterval}
          error={errors.fields.checkForFinishedDownloadInterval}
          hint="How often the download clients are asked about their downloads: 1 to 120 minutes."
          onChange={(e) => update({ checkForFinishedDownloadInterval: Math.trunc(Number(e.target.value)) || 0 })}
        />
        <ListField
          label="Working folders"
          values={splitWorkingFolders(draft.downloadClientWorkingFolders)}
          error={errors.fields.downloadClientWorkingFolders}
          hint="Folder names (not paths) a client writes into while it unpacks or repairs: what is in them is not imported yet."
          onChange={(items) => update({ downloadClientWorkingFolders: joinWorkingFolders(items) })}
        />
      </fieldset>
      <fieldset className="fieldset options-group">
        <legend>Failed download handling</legend>
        <Checkbox
          label="Redownload failed"
          checked={draft.autoRedownloadFailed}
          error={errors.fields.autoRedownloadFailed}
          hint="When a download fails, blocklist its release and search for another."
          onChange={(e) => update({ autoRedownloadFailed: e.target.checked })}
        />
        <Checkbox
          label="Redownload failed from interactive search"
          checked={draft.autoRedownloadFailedFromInteractiveSearch}
          disabled={!draft.autoRedownloadFailed}
          error={errors.fields.autoRedownloadFailedFromInteractiveSearch}
          hint="Search again also when the failed release was chosen by hand in an interactive search."
          onChange={(e) => update({ autoRedownloadFailedFromInteractiveSearch: e.target.checked })}
        />
      </fieldset>
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
