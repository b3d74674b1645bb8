import { useState } from "react";
import { useIndexers, useTestAllIndexers, type Indexer, type TestAllResult } from "../../../api/providers";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { useDateFormats } from "../../../hooks/useDateFormats";
import { formatDateTime } from "../../../lib/format";
import { isProwlarrIndexer, protocolName } from "../../../lib/indexers";
import "../settings.css";
import { AddIndexerDialog } from "./AddIndexerDialog";
import { IndexerDialog } from "./IndexerDialog";
import { IndexerOptions } from "./IndexerOptions";

function Uses({ indexer }: { indexer: Indexer }) {
  const uses: [string, boolean, boolean][] = [
    ["RSS", indexer.enableRss, indexer.supportsRss],
    ["Automatic search", indexer.enableAutomaticSearch, indexer.supportsSearch],
    ["Interactive search", indexer.enableInteractiveSearch, indexer.supportsSearch],
  ];
  const on = uses.filter(([, enabled]) => enabled);
  if (on.length === 0) return <span className="badge badge--muted">Disabled</span>;
  return (
    <ul className="chips" aria-label="Used for">
      {on.map(([label]) => (
        <li key={label} className="chip chip--on">
          {label}
        </li>
      ))}
    </ul>
  );
}

function Status({ indexer }: { indexer: Indexer }) {
  const formats = useDateFormats();
  const status = indexer.status;
  if (!status) return null;
  const now = Date.now();
  const paused = status.disabledTill && Date.parse(status.disabledTill) > now;
  return (
    <p className="provider-status" role="note">
      <strong>{paused ? `Paused until ${formatDateTime(status.disabledTill, formats, now)}` : "Failing"}</strong>
      {status.initialFailure && ` · failing since ${formatDateTime(status.initialFailure, formats, now)}`}
      {status.lastError && (
        <>
          <br />
          {status.lastError}
        </>
      )}
    </p>
  );
}

function TestResult({ result }: { result: TestAllResult | undefined }) {
  if (!result) return null;
  if (result.isValid) return <p className="badge badge--completed">Test passed</p>;
  return (
    <p className="provider-test-failure">
      <span className="badge badge--failed">Test failed</span> {result.validationFailures.map((f) => f.errorMessage).join(" ")}
    </p>
  );
}

function IndexerCard({ indexer, result, onEdit }: { indexer: Indexer; result: TestAllResult | undefined; onEdit: () => void }) {
  return (
    <li className="profile-card">
      <article aria-labelledby={`indexer-${indexer.id}`}>
        <h3 id={`indexer-${indexer.id}`} className="profile-card__name">
          {indexer.name}
        </h3>
        <p className="profile-card__facts muted">
          {indexer.implementationName} · {protocolName(indexer.protocol)}
          {indexer.priority !== 25 && ` · priority ${indexer.priority}`}
          {` · ${indexer.queriesPerHour > 0 ? `${indexer.queriesPerHour} backlog searches an hour` : "no hourly search limit"}`}
        </p>
        {isProwlarrIndexer(indexer) && <p className="badge badge--notice">Added by Prowlarr</p>}
        <Uses indexer={indexer} />
        <Status indexer={indexer} />
        <TestResult result={result} />
        <div className="profile-card__actions">
          <button type="button" className="button button--small" aria-label={`Edit ${indexer.name}`} onClick={onEdit}>
            Edit
          </button>
        </div>
      </article>
    </li>
  );
}

type Editing = { kind: "add" } | { kind: "edit"; indexer: Indexer };

/** Radarr's Settings → Indexers: the indexers (Prowlarr's too), adding one from the schema, testing, and the indexer options. */
export function IndexersPage() {
  const indexers = useIndexers();
  const testAll = useTestAllIndexers();
  const [editing, setEditing] = useState<Editing | null>(null);
  const results = new Map((testAll.data ?? []).map((r) => [r.id, r]));
  const close = () => setEditing(null);

  return (
    <>
      <h1>Indexers</h1>
      <section className="panel" aria-labelledby="indexers-heading">
        <div className="page-header">
          <h2 id="indexers-heading">Indexers</h2>
          <div className="page-header__actions">
            <button type="button" className="button" disabled={testAll.isPending || !indexers.data?.length} onClick={() => testAll.mutate()}>
              {testAll.isPending ? "Testing…" : "Test all"}
            </button>
            <button type="button" className="button button--primary" onClick={() => setEditing({ kind: "add" })}>
              Add indexer
            </button>
          </div>
        </div>
        {testAll.isError && <ErrorMessage error={testAll.error} title="Could not test the indexers" />}
        {testAll.data && (
          <p role="status" className="muted">
            {testAll.data.length === 0
              ? "No enabled indexer to test."
              : `${testAll.data.filter((r) => r.isValid).length} of ${testAll.data.length} enabled indexers passed the test.`}
          </p>
        )}
        {indexers.isPending && <Loading what="indexers" />}
        {indexers.isError && <ErrorMessage error={indexers.error} title="Indexers unavailable" />}
        {indexers.data?.length === 0 && (
          <p className="muted">No indexers yet: add one (a Newznab or Torznab site, Jackett, a tracker), or let Prowlarr add yours.</p>
        )}
        {indexers.data && indexers.data.length > 0 && (
          <ul className="profile-cards" aria-label="Indexers">
            {indexers.data.map((indexer) => (
              <IndexerCard key={indexer.id} indexer={indexer} result={results.get(indexer.id)} onEdit={() => setEditing({ kind: "edit", indexer })} />
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="indexer-options-heading">
        <h2 id="indexer-options-heading">Options</h2>
        <IndexerOptions />
      </section>
      {editing?.kind === "add" && <AddIndexerDialog onClose={close} onChoose={(indexer) => setEditing({ kind: "edit", indexer })} />}
      {editing?.kind === "edit" && <IndexerDialog key={editing.indexer.id || editing.indexer.implementation} indexer={editing.indexer} onClose={close} />}
    </>
  );
}
