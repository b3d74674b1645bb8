import { useId, useState, type FormEvent } from "react";
import { useDeleteRemotePathMapping, useRemotePathMappings, useSaveRemotePathMapping, type RemotePathMapping } from "../../../api/downloadClients";
import { ApiError } from "../../../api/errors";
import { useProviders, type DownloadClient } from "../../../api/providers";
import { ConfirmDelete } from "../../../components/ConfirmDelete";
import { Dialog } from "../../../components/Dialog";
import { EditorActions } from "../../../components/EditorActions";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { Field } from "../../../components/Field";
import { clientHosts, mappingBody } from "../../../lib/downloadClients";
import { placeErrors } from "../../../lib/validation";

const FIELDS = { host: "host", remotePath: "remotePath", localPath: "localPath" };
const BLANK: RemotePathMapping = { id: 0, host: "", remotePath: "", localPath: "" };

function MappingDialog({ mapping, onClose }: { mapping: RemotePathMapping; onClose: () => void }) {
  const [draft, setDraft] = useState(mapping);
  const [deleting, setDeleting] = useState(false);
  const save = useSaveRemotePathMapping();
  const remove = useDeleteRemotePathMapping();
  const clients = useProviders<DownloadClient>("downloadclient");
  const hostsId = useId();
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const errors = placeErrors(failures, FIELDS);
  const title = mapping.id ? "Edit remote path mapping" : "Add remote path mapping";

  const update = (changes: Partial<RemotePathMapping>) => {
    save.reset();
    setDraft((current) => ({ ...current, ...changes }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(mappingBody(draft), { onSuccess: onClose });
  };

  return (
    <Dialog title={title} open onClose={onClose}>
      <form className="form" onSubmit={onSubmit} aria-label={title} aria-busy={save.isPending} noValidate>
        <Field
          label="Host"
          name="host"
          autoComplete="off"
          spellCheck={false}
          list={hostsId}
          value={draft.host}
          error={errors.fields.host}
          hint="The host of the download client, as its settings name it."
          onChange={(e) => update({ host: e.target.value })}
        />
        <datalist id={hostsId}>
          {clientHosts(clients.data ?? []).map((host) => (
            <option key={host} value={host} />
          ))}
        </datalist>
        <Field
          label="Remote path"
          name="remotePath"
          autoComplete="off"
          spellCheck={false}
          value={draft.remotePath}
          error={errors.fields.remotePath}
          hint="The folder as the download client reports it."
          onChange={(e) => update({ remotePath: e.target.value })}
        />
        <Field
          label="Local path"
          name="localPath"
          autoComplete="off"
          spellCheck={false}
          value={draft.localPath}
          error={errors.fields.localPath}
          hint="The same folder as Reelarr reaches it on this machine."
          onChange={(e) => update({ localPath: e.target.value })}
        />
        {errors.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {errors.general.join(" ")}
          </div>
        )}
        {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
        {deleting && (
          <ConfirmDelete label="Delete the mapping" removal={remove} onKeep={() => setDeleting(false)} onDelete={() => remove.mutate(mapping.id, { onSuccess: onClose })}>
            Delete the mapping of <code>{mapping.remotePath}</code> on {mapping.host}?
          </ConfirmDelete>
        )}
        <EditorActions onDelete={mapping.id > 0 ? () => setDeleting(true) : undefined} onCancel={onClose} saving={save.isPending} />
      </form>
    </Dialog>
  );
}

/** Radarr's remote path mappings: where a client on another machine (or container) keeps its downloads, here. */
export function RemotePathMappings() {
  const mappings = useRemotePathMappings();
  const [editing, setEditing] = useState<RemotePathMapping | null>(null);
  return (
    <>
      <p className="muted">
        Needed only when a download client sees its folders at other paths than Reelarr does (another machine, a container).
      </p>
      {mappings.isPending && <Loading what="remote path mappings" />}
      {mappings.isError && <ErrorMessage error={mappings.error} title="Remote path mappings unavailable" />}
      {mappings.data?.length === 0 && <p className="muted">No remote path mappings.</p>}
      {mappings.data && mappings.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Remote path mappings">
            <thead>
              <tr>
                <th scope="col">Host</th>
                <th scope="col">Remote path</th>
                <th scope="col">Local path</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mappings.data.map((mapping) => (
                <tr key={mapping.id}>
                  <th scope="row">{mapping.host}</th>
                  <td>{mapping.remotePath}</td>
                  <td>{mapping.localPath}</td>
                  <td className="actions">
                    <button type="button" className="button button--small" aria-label={`Edit the mapping of ${mapping.remotePath} on ${mapping.host}`} onClick={() => setEditing(mapping)}>
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setEditing(BLANK)}>
          Add mapping
        </button>
      </div>
      {editing && <MappingDialog key={editing.id} mapping={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
