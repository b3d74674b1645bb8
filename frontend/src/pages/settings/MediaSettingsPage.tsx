import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useAddRootFolder, useDeleteRootFolder, useRootFolders } from "../../api/library";
import { ApiError } from "../../api/errors";
import type { RootFolder } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Field } from "../../components/Field";
import { FolderBrowser } from "../../components/FolderBrowser";
import { formatBytes } from "../../lib/format";
import { placeErrors } from "../../lib/validation";
import { MediaManagementOptions } from "./MediaManagementOptions";
import { NamingSettings } from "./NamingSettings";

function AddRootFolder() {
  const [path, setPath] = useState("");
  const [browsing, setBrowsing] = useState(false);
  const add = useAddRootFolder();
  const failures = add.error instanceof ApiError ? add.error.validationFailures : [];
  const errors = placeErrors(failures, { path: "path" });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(path.trim(), {
      onSuccess: () => {
        setPath("");
        setBrowsing(false);
      },
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} aria-busy={add.isPending} aria-label="Add a root folder">
      <div className="inline-field">
        <Field
          label="Folder path"
          name="path"
          required
          spellCheck={false}
          autoComplete="off"
          placeholder="/data/movies"
          value={path}
          error={errors.fields.path}
          onChange={(e) => {
            setPath(e.target.value);
            if (add.isError) add.reset();
          }}
        />
        <button type="button" className="button" aria-expanded={browsing} onClick={() => setBrowsing((b) => !b)}>
          {browsing ? "Hide folders" : "Browse"}
        </button>
      </div>
      {browsing && <FolderBrowser path={path || "/"} onPick={(picked) => setPath(picked)} />}
      {add.isError && failures.length === 0 && <ErrorMessage error={add.error} title="Could not add the folder" />}
      {errors.general.length > 0 && (
        <div className="alert alert--error" role="alert">
          {errors.general.join(" ")}
        </div>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={add.isPending || !path.trim()}>
          Add root folder
        </button>
      </div>
    </form>
  );
}

function DeleteRootFolder({ folder, onClose }: { folder: RootFolder; onClose: () => void }) {
  const remove = useDeleteRootFolder();
  return (
    <Dialog title="Remove root folder" open onClose={onClose}>
      <p>
        Stop using <code>{folder.path}</code> as a root folder? The files in it stay where they are.
      </p>
      {remove.isError && <ErrorMessage error={remove.error} title="Could not remove it" />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(folder.id, { onSuccess: onClose })}
        >
          Remove
        </button>
      </div>
    </Dialog>
  );
}

function RootFolders() {
  const folders = useRootFolders();
  const [deleting, setDeleting] = useState<RootFolder | null>(null);
  if (folders.isPending) return <Loading what="root folders" />;
  if (folders.isError) return <ErrorMessage error={folders.error} title="Root folders unavailable" />;
  if (folders.data.length === 0)
    return <p className="muted">No root folders yet. Add the folder your movies live in (or will be put in).</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Root folders">
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Free space</th>
            <th scope="col">Unmapped folders</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {folders.data.map((folder) => (
            <tr key={folder.id}>
              <th scope="row">
                {folder.path}{" "}
                {!folder.accessible && <span className="badge badge--error">Not accessible</span>}
              </th>
              <td>{folder.accessible ? formatBytes(folder.freeSpace) : "—"}</td>
              <td>{folder.unmappedFolders.length}</td>
              <td className="actions">
                {folder.accessible && folder.unmappedFolders.length > 0 && (
                  <Link
                    to={`/add/import?rootFolderId=${folder.id}`}
                    className="button button--small"
                    aria-label={`Import the unmapped folders of ${folder.path}`}
                  >
                    Import
                  </Link>
                )}{" "}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Remove ${folder.path}`}
                  onClick={() => setDeleting(folder)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deleting && <DeleteRootFolder folder={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}

export function MediaSettingsPage() {
  return (
    <>
      <h1>Media management</h1>
      <section className="panel" aria-labelledby="naming-heading">
        <h2 id="naming-heading">Movie naming</h2>
        <NamingSettings />
      </section>
      <section className="panel" aria-labelledby="file-management-heading">
        <h2 id="file-management-heading">File management</h2>
        <MediaManagementOptions />
      </section>
      <section className="panel" aria-labelledby="root-folders-heading">
        <h2 id="root-folders-heading">Root folders</h2>
        <RootFolders />
      </section>
      <section className="panel" aria-labelledby="add-root-heading">
        <h2 id="add-root-heading">Add a root folder</h2>
        <AddRootFolder />
      </section>
    </>
  );
}
