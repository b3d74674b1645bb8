import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { backupHref, backupKeys, useBackups, useDeleteBackup, useRestoreBackup, useUploadBackup, type Backup, type RestoreResult } from "../api/backups";
import { CommandOutcome } from "../components/CommandOutcome";
import { Dialog } from "../components/Dialog";
import { ErrorMessage, Loading } from "../components/Feedback";
import { When } from "../components/When";
import { useCommandRun } from "../hooks/useCommandRun";
import { useDateFormats } from "../hooks/useDateFormats";
import { formatBytes } from "../lib/format";

const TYPE_LABELS: Record<Backup["type"], string> = { scheduled: "Scheduled", manual: "Manual", update: "Before update" };

function Restored({ result }: { result: RestoreResult | undefined }) {
  if (!result) return null;
  return (
    <div className="alert alert--ok" role="status">
      Backup restored.{result.restartRequired && " Restart Reelarr to finish: it reads the restored settings when it starts."}
    </div>
  );
}

function RestoreDialog({ backup, onClose }: { backup: Backup; onClose: () => void }) {
  const restore = useRestoreBackup();
  return (
    <Dialog title={`Restore ${backup.name}`} open onClose={onClose}>
      <p>
        Replace every setting, film and record of this installation with what the backup of{" "}
        <strong>{new Date(backup.time).toLocaleString()}</strong> holds?
      </p>
      {restore.isError && <ErrorMessage error={restore.error} title="Not restored" />}
      <Restored result={restore.data} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {restore.isSuccess ? "Done" : "Cancel"}
        </button>
        {!restore.isSuccess && (
          <button type="button" className="button button--danger" disabled={restore.isPending} onClick={() => restore.mutate(backup.id)}>
            {restore.isPending ? "Restoring…" : "Restore"}
          </button>
        )}
      </div>
    </Dialog>
  );
}

function UploadDialog({ onClose }: { onClose: () => void }) {
  const upload = useUploadBackup();
  const [file, setFile] = useState<File | null>(null);
  return (
    <Dialog title="Restore a backup file" open onClose={onClose}>
      <p>Choose a Reelarr backup zip. Everything in this installation is replaced by what it holds.</p>
      <label className="field">
        <span className="field__label">Backup file</span>
        <input type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      {upload.isError && <ErrorMessage error={upload.error} title="Not restored" />}
      <Restored result={upload.data} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {upload.isSuccess ? "Done" : "Cancel"}
        </button>
        {!upload.isSuccess && (
          <button type="button" className="button button--danger" disabled={!file || upload.isPending} onClick={() => file && upload.mutate(file)}>
            {upload.isPending ? "Restoring…" : "Restore"}
          </button>
        )}
      </div>
    </Dialog>
  );
}

function DeleteDialog({ backup, onClose }: { backup: Backup; onClose: () => void }) {
  const remove = useDeleteBackup();
  return (
    <Dialog title={`Delete ${backup.name}`} open onClose={onClose}>
      <p>
        Delete the backup <strong>{backup.name}</strong>?
      </p>
      {remove.isError && <ErrorMessage error={remove.error} title="Could not delete" />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate(backup.id, { onSuccess: onClose })}>
          {remove.isPending ? "Deleting…" : "Delete"}
        </button>
      </div>
    </Dialog>
  );
}

type Chosen = { action: "restore" | "delete"; backup: Backup } | { action: "upload" } | null;

function BackupTable({ backups, choose }: { backups: Backup[]; choose: (chosen: Chosen) => void }) {
  const formats = useDateFormats();
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table className="table" aria-labelledby="backups-heading">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Size</th>
            <th scope="col">Time</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.id}>
              <th scope="row">
                <a href={backupHref(backup)} download>
                  {backup.name}
                </a>
              </th>
              <td>{TYPE_LABELS[backup.type] ?? backup.type}</td>
              <td>{formatBytes(backup.size)}</td>
              <td>
                <When value={backup.time} formats={formats} now={now} />
              </td>
              <td className="actions">
                <button type="button" className="button button--small" aria-label={`Restore ${backup.name}`} onClick={() => choose({ action: "restore", backup })}>
                  Restore
                </button>
                <button type="button" className="button button--small button--danger-quiet" aria-label={`Delete ${backup.name}`} onClick={() => choose({ action: "delete", backup })}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** System → Backup: the backups in the data dir, Backup Now, and restore (from the list or a file) and delete. */
export function BackupPage() {
  const backups = useBackups();
  const client = useQueryClient();
  const run = useCommandRun(() => client.invalidateQueries({ queryKey: backupKeys.all }));
  const [chosen, setChosen] = useState<Chosen>(null);
  return (
    <>
      <h1>Backup</h1>
      <section className="panel" aria-labelledby="backups-heading">
        <h2 id="backups-heading">Backups</h2>
        <p className="muted">
          A backup holds the settings and the whole database, secrets included: keep it private. Scheduled backups are made every 7 days and kept 28 days.
        </p>
        <div className="toolbar">
          <button type="button" className="button button--primary" disabled={run.busy} onClick={() => run.start({ name: "Backup" })}>
            {run.busy ? "Backing up…" : "Backup Now"}
          </button>
          <button type="button" className="button" onClick={() => setChosen({ action: "upload" })}>
            Restore Backup
          </button>
          <CommandOutcome command={run.command} startError={run.startError} />
        </div>
        {backups.isPending && <Loading what="backups" />}
        {backups.isError && <ErrorMessage error={backups.error} title="Backups unavailable" />}
        {backups.data?.length === 0 && <p>No backups yet.</p>}
        {backups.data && backups.data.length > 0 && <BackupTable backups={backups.data} choose={setChosen} />}
      </section>
      {chosen?.action === "restore" && <RestoreDialog backup={chosen.backup} onClose={() => setChosen(null)} />}
      {chosen?.action === "delete" && <DeleteDialog backup={chosen.backup} onClose={() => setChosen(null)} />}
      {chosen?.action === "upload" && <UploadDialog onClose={() => setChosen(null)} />}
    </>
  );
}
