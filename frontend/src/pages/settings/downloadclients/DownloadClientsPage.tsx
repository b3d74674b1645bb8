import { useState } from "react";
import { useProviders, useTestAllProviders, type DownloadClient, type TestAllResult } from "../../../api/providers";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { AddProviderDialog } from "../../../components/providers/AddProviderDialog";
import { ProviderStatusNote, TestResult } from "../../../components/providers/ProviderStatus";
import { protocolName } from "../../../lib/indexers";
import "../settings.css";
import { DownloadClientDialog } from "./DownloadClientDialog";
import { DownloadClientOptions } from "./DownloadClientOptions";
import { RemotePathMappings } from "./RemotePathMappings";

function ClientCard({ client, result, onEdit }: { client: DownloadClient; result: TestAllResult | undefined; onEdit: () => void }) {
  return (
    <li className="profile-card">
      <article aria-labelledby={`downloadclient-${client.id}`}>
        <h3 id={`downloadclient-${client.id}`} className="profile-card__name">
          {client.name}
        </h3>
        <p className="profile-card__facts muted">
          {client.implementationName} · {protocolName(client.protocol)}
          {client.priority !== 1 && ` · priority ${client.priority}`}
        </p>
        {client.enable ? <span className="badge badge--ok">Enabled</span> : <span className="badge badge--muted">Disabled</span>}
        <ProviderStatusNote provider={client} />
        <TestResult result={result} />
        <div className="profile-card__actions">
          <button type="button" className="button button--small" aria-label={`Edit ${client.name}`} onClick={onEdit}>
            Edit
          </button>
        </div>
      </article>
    </li>
  );
}

type Editing = { kind: "add" } | { kind: "edit"; client: DownloadClient };

/** Radarr's Settings → Download Clients: the clients, completed and failed download handling, remote path mappings. */
export function DownloadClientsPage() {
  const clients = useProviders<DownloadClient>("downloadclient");
  const testAll = useTestAllProviders("downloadclient");
  const [editing, setEditing] = useState<Editing | null>(null);
  const results = new Map((testAll.data ?? []).map((r) => [r.id, r]));
  const close = () => setEditing(null);

  return (
    <>
      <h1>Download clients</h1>
      <section className="panel" aria-labelledby="downloadclients-heading">
        <div className="page-header">
          <h2 id="downloadclients-heading">Download clients</h2>
          <div className="page-header__actions">
            <button type="button" className="button" disabled={testAll.isPending || !clients.data?.length} onClick={() => testAll.mutate()}>
              {testAll.isPending ? "Testing…" : "Test all"}
            </button>
            <button type="button" className="button button--primary" onClick={() => setEditing({ kind: "add" })}>
              Add download client
            </button>
          </div>
        </div>
        {testAll.isError && <ErrorMessage error={testAll.error} title="Could not test the download clients" />}
        {testAll.data && (
          <p role="status" className="muted">
            {testAll.data.length === 0
              ? "No enabled download client to test."
              : `${testAll.data.filter((r) => r.isValid).length} of ${testAll.data.length} enabled download clients passed the test.`}
          </p>
        )}
        {clients.isPending && <Loading what="download clients" />}
        {clients.isError && <ErrorMessage error={clients.error} title="Download clients unavailable" />}
        {clients.data?.length === 0 && <p className="muted">No download clients yet: add the torrent or Usenet client Reelarr should send releases to.</p>}
        {clients.data && clients.data.length > 0 && (
          <ul className="profile-cards" aria-label="Download clients">
            {clients.data.map((client) => (
              <ClientCard key={client.id} client={client} result={results.get(client.id)} onEdit={() => setEditing({ kind: "edit", client })} />
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="downloadclient-options-heading">
        <h2 id="downloadclient-options-heading">Options</h2>
        <DownloadClientOptions />
      </section>
      <section className="panel" aria-labelledby="remotepathmappings-heading">
        <h2 id="remotepathmappings-heading">Remote path mappings</h2>
        <RemotePathMappings />
      </section>
      {editing?.kind === "add" && (
        <AddProviderDialog<DownloadClient> family="downloadclient" noun="download client" onClose={close} onChoose={(client) => setEditing({ kind: "edit", client })} />
      )}
      {editing?.kind === "edit" && <DownloadClientDialog key={editing.client.id || editing.client.implementation} client={editing.client} onClose={close} />}
    </>
  );
}
