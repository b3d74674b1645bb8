import { useMediaManagementConfig, useSaveMediaManagementConfig, type MediaManagementConfig } from "../../api/mediaManagement";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { useOptionsDraft } from "../../hooks/useOptionsDraft";
import { Checkbox, Field, SelectField } from "../../components/Field";
import { ListField } from "../../components/ListField";
import { joinList, splitList } from "../../lib/indexers";
import "./settings.css";

type Key = Exclude<keyof MediaManagementConfig, "id">;
type Flag = { [K in Key]: MediaManagementConfig[K] extends boolean ? K : never }[Key];

const KEYS: Key[] = [
  "autoUnmonitorPreviouslyDownloadedMovies",
  "recycleBin",
  "recycleBinCleanupDays",
  "downloadPropersAndRepacks",
  "createEmptyMovieFolders",
  "deleteEmptyFolders",
  "fileDate",
  "rescanAfterRefresh",
  "autoRenameFolders",
  "setPermissionsLinux",
  "chmodFolder",
  "chownGroup",
  "skipFreeSpaceCheckWhenImporting",
  "minimumFreeSpaceWhenImporting",
  "copyUsingHardlinks",
  "importExtraFiles",
  "extraFileExtensions",
  "enableMediaInfo",
  "useScriptImport",
  "scriptImportPath",
];
const FIELDS = Object.fromEntries(KEYS.map((key) => [key, key]));

const wholeNumber = (text: string) => Math.trunc(Number(text)) || 0;

/** Radarr's file management options: folders, importing, upgrades, the recycle bin and permissions. */
export function MediaManagementOptions() {
  const config = useMediaManagementConfig();
  const save = useSaveMediaManagementConfig();
  const { draft, errors, failures, update, onSubmit } = useOptionsDraft(config, save, FIELDS);

  if (config.isPending) return <Loading what="the media management options" />;
  if (config.isError) return <ErrorMessage error={config.error} title="The media management options could not be loaded" />;
  if (!draft) return null;

  const flag = (key: Flag, label: string, hint: string, disabled = false) => (
    <Checkbox label={label} checked={draft[key]} disabled={disabled} hint={hint} error={errors.fields[key]} onChange={(e) => update({ [key]: e.target.checked })} />
  );

  return (
    <form className="form" onSubmit={onSubmit} aria-label="File management options" aria-busy={save.isPending} noValidate>
      <fieldset className="fieldset options-group">
        <legend>Folder handling</legend>
        {flag("createEmptyMovieFolders", "Create empty movie folders", "Create a film's folder when it is added, before it has a file.")}
        {flag("deleteEmptyFolders", "Delete empty folders", "Delete a film's folder when a rescan finds it empty.")}
      </fieldset>
      <fieldset className="fieldset options-group">
        <legend>Importing</legend>
        {flag("skipFreeSpaceCheckWhenImporting", "Skip free space check", "Import without checking the root folder's free space first.")}
        <Field
          label="Minimum free space (MB)"
          name="minimumFreeSpaceWhenImporting"
          type="number"
          step={1}
          min={100}
          value={draft.minimumFreeSpaceWhenImporting}
          disabled={draft.skipFreeSpaceCheckWhenImporting}
          error={errors.fields.minimumFreeSpaceWhenImporting}
          hint="An import that would leave less free space than this is refused (at least 100)."
          onChange={(e) => update({ minimumFreeSpaceWhenImporting: wholeNumber(e.target.value) })}
        />
        {flag("copyUsingHardlinks", "Use hardlinks instead of copy", "Hardlink a torrent's files into the library where both are on one file system, so it keeps seeding without taking twice the space.")}
        {flag("importExtraFiles", "Import extra files", "Import subtitles and other files found beside the film.")}
        {draft.importExtraFiles && (
          <ListField
            label="Extra file extensions"
            values={splitList(draft.extraFileExtensions)}
            error={errors.fields.extraFileExtensions}
            hint="The extensions of the extra files to import (srt, nfo...)."
            onChange={(items) => update({ extraFileExtensions: joinList(items) })}
          />
        )}
        {flag("useScriptImport", "Use script import", "Import with your own script instead of moving, copying or hardlinking.")}
        {draft.useScriptImport && (
          <Field
            label="Import script path"
            name="scriptImportPath"
            autoComplete="off"
            spellCheck={false}
            value={draft.scriptImportPath}
            error={errors.fields.scriptImportPath}
            hint="The absolute path of the script. It gets the source and destination as arguments and the radarr_* environment variables; its [MoveStatus] line says what it did."
            onChange={(e) => update({ scriptImportPath: e.target.value })}
          />
        )}
      </fieldset>
      <fieldset className="fieldset options-group">
        <legend>File management</legend>
        {flag("autoUnmonitorPreviouslyDownloadedMovies", "Unmonitor deleted movies", "A film whose file is deleted from disk is no longer monitored.")}
        <SelectField
          label="Propers and repacks"
          value={draft.downloadPropersAndRepacks}
          error={errors.fields.downloadPropersAndRepacks}
          hint="Whether a proper or repack of the quality you have is an upgrade. Do not prefer: custom format scores decide."
          onChange={(e) => update({ downloadPropersAndRepacks: e.target.value as MediaManagementConfig["downloadPropersAndRepacks"] })}
        >
          <option value="preferAndUpgrade">Prefer and upgrade</option>
          <option value="doNotUpgrade">Do not upgrade automatically</option>
          <option value="doNotPrefer">Do not prefer</option>
        </SelectField>
        {flag("enableMediaInfo", "Analyse video files", "Read codecs, resolution and languages from the files (ffprobe).")}
        <SelectField
          label="Rescan movie folder after refresh"
          value={draft.rescanAfterRefresh}
          error={errors.fields.rescanAfterRefresh}
          hint="Whether a film's folder is read again after its details are refreshed."
          onChange={(e) => update({ rescanAfterRefresh: e.target.value as MediaManagementConfig["rescanAfterRefresh"] })}
        >
          <option value="always">Always</option>
          <option value="afterManual">After a manual refresh</option>
          <option value="never">Never</option>
        </SelectField>
        <SelectField
          label="Change file date"
          value={draft.fileDate}
          error={errors.fields.fileDate}
          hint="The date imported files get."
          onChange={(e) => update({ fileDate: e.target.value as MediaManagementConfig["fileDate"] })}
        >
          <option value="none">None</option>
          <option value="cinemas">In cinemas date</option>
          <option value="release">Physical release date</option>
        </SelectField>
        <Field
          label="Recycle bin"
          name="recycleBin"
          autoComplete="off"
          spellCheck={false}
          value={draft.recycleBin}
          error={errors.fields.recycleBin}
          hint="Deleted and replaced files go to this folder instead of being deleted. Empty: they are deleted."
          onChange={(e) => update({ recycleBin: e.target.value })}
        />
        <Field
          label="Recycle bin cleanup (days)"
          name="recycleBinCleanupDays"
          type="number"
          step={1}
          min={0}
          value={draft.recycleBinCleanupDays}
          error={errors.fields.recycleBinCleanupDays}
          hint="Files older than this are emptied from the recycle bin. 0: never."
          onChange={(e) => update({ recycleBinCleanupDays: wholeNumber(e.target.value) })}
        />
        {flag("autoRenameFolders", "Rename folders", "Rename a film's folder after the folder format when its files are renamed.")}
      </fieldset>
      <fieldset className="fieldset options-group">
        <legend>Permissions</legend>
        {flag("setPermissionsLinux", "Set permissions", "Set the permissions of imported and renamed files and folders.")}
        {draft.setPermissionsLinux && (
          <>
            <Field
              label="chmod folder"
              name="chmodFolder"
              autoComplete="off"
              spellCheck={false}
              value={draft.chmodFolder}
              error={errors.fields.chmodFolder}
              hint="Octal, for folders (755); files get it without the execute bits."
              onChange={(e) => update({ chmodFolder: e.target.value })}
            />
            <Field
              label="chown group"
              name="chownGroup"
              autoComplete="off"
              spellCheck={false}
              value={draft.chownGroup}
              error={errors.fields.chownGroup}
              hint="A group name or gid; the user Reelarr runs as must belong to it."
              onChange={(e) => update({ chownGroup: e.target.value })}
            />
          </>
        )}
      </fieldset>
      {errors.general.length > 0 && (
        <div className="alert alert--error" role="alert">
          {errors.general.join(" ")}
        </div>
      )}
      {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save file management"}
        </button>
        <span role="status">{save.isSuccess && "File management saved"}</span>
      </div>
    </form>
  );
}
