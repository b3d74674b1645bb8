import { useState } from "react";
import { useProviderSchema, useProviders, useTestAllProviders, type Notification, type TestAllResult } from "../../../api/providers";
import { Dialog } from "../../../components/Dialog";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { ProviderStatusNote, TestResult } from "../../../components/providers/ProviderStatus";
import { eventsTold } from "../../../lib/notifications";
import { newProvider } from "../../../lib/providerForm";
import "../settings.css";
import { NotificationDialog } from "./NotificationDialog";

function ConnectionCard({ notification, result, onEdit }: { notification: Notification; result: TestAllResult | undefined; onEdit: () => void }) {
  const told = eventsTold(notification);
  return (
    <li className="profile-card">
      <article aria-labelledby={`notification-${notification.id}`}>
        <h3 id={`notification-${notification.id}`} className="profile-card__name">
          {notification.name}
        </h3>
        <p className="profile-card__facts muted">{notification.implementationName}</p>
        {told.length > 0 ? <p className="profile-card__facts">{told.join(", ")}</p> : <span className="badge badge--muted">No triggers</span>}
        <ProviderStatusNote provider={notification} />
        <TestResult result={result} />
        <div className="profile-card__actions">
          <button type="button" className="button button--small" aria-label={`Edit ${notification.name}`} onClick={onEdit}>
            Edit
          </button>
        </div>
      </article>
    </li>
  );
}

function ChooseConnection({ onChoose, onClose }: { onChoose: (notification: Notification) => void; onClose: () => void }) {
  const schema = useProviderSchema<Notification>("notification", true);
  return (
    <Dialog title="Add connection" open onClose={onClose} wide>
      {schema.isPending && <Loading what="the connection types" />}
      {schema.isError && <ErrorMessage error={schema.error} title="The connection types could not be loaded" />}
      {schema.data && (
        <ul className="add-provider__list" aria-label="Connection types">
          {schema.data.map((template) => (
            <li key={template.implementation} className="add-provider__item">
              <button type="button" className="button" onClick={() => onChoose(newProvider(template))}>
                {template.implementationName}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

type Editing = { kind: "add" } | { kind: "edit"; notification: Notification };

/** Radarr's Settings → Connect: where Reelarr tells of grabs, imports, deletions and health. */
export function ConnectPage() {
  const notifications = useProviders<Notification>("notification");
  const testAll = useTestAllProviders("notification");
  const [editing, setEditing] = useState<Editing | null>(null);
  const results = new Map((testAll.data ?? []).map((r) => [r.id, r]));
  const close = () => setEditing(null);

  return (
    <>
      <h1>Connect</h1>
      <section className="panel" aria-labelledby="connections-heading">
        <div className="page-header">
          <h2 id="connections-heading">Connections</h2>
          <div className="page-header__actions">
            <button type="button" className="button" disabled={testAll.isPending || !notifications.data?.length} onClick={() => testAll.mutate()}>
              {testAll.isPending ? "Testing…" : "Test all"}
            </button>
            <button type="button" className="button button--primary" onClick={() => setEditing({ kind: "add" })}>
              Add connection
            </button>
          </div>
        </div>
        {testAll.isError && <ErrorMessage error={testAll.error} title="Could not test the connections" />}
        {testAll.data && (
          <p role="status" className="muted">
            {testAll.data.length === 0 ? "No connection to test." : `${testAll.data.filter((r) => r.isValid).length} of ${testAll.data.length} connections passed the test.`}
          </p>
        )}
        {notifications.isPending && <Loading what="connections" />}
        {notifications.isError && <ErrorMessage error={notifications.error} title="Connections unavailable" />}
        {notifications.data?.length === 0 && <p className="muted">No connections yet: add a webhook to be told of grabs, imports and health issues.</p>}
        {notifications.data && notifications.data.length > 0 && (
          <ul className="profile-cards" aria-label="Connections">
            {notifications.data.map((notification) => (
              <ConnectionCard
                key={notification.id}
                notification={notification}
                result={results.get(notification.id)}
                onEdit={() => setEditing({ kind: "edit", notification })}
              />
            ))}
          </ul>
        )}
      </section>
      {editing?.kind === "add" && <ChooseConnection onClose={close} onChoose={(notification) => setEditing({ kind: "edit", notification })} />}
      {editing?.kind === "edit" && <NotificationDialog notification={editing.notification} onClose={close} />}
    </>
  );
}
