import { useState } from "react";
import { useIndexers, useTestAllProviders, type Indexer, type TestAllResult } from "../../../api/providers";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { ProviderStatusNote, TestResult } from "../../../components/providers/ProviderStatus";
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
        <ProviderStatusNote provider={indexer} />
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
  const testAll = useTestAllProviders("indexer");
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
