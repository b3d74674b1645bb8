import { useState } from "react";
import type { ImportList } from "../../../api/importLists";
import { useProviderSchema, useProviders, useTestAllProviders, type TestAllResult } from "../../../api/providers";
import { useStartCommand } from "../../../api/queries";
import { Dialog } from "../../../components/Dialog";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { ProviderStatusNote, TestResult } from "../../../components/providers/ProviderStatus";
import { newProvider } from "../../../lib/providerForm";
import "../settings.css";
import { ImportListDialog } from "./ImportListDialog";
import { ListSyncOptions } from "./ListSyncOptions";

function ListCard({ list, result, onEdit }: { list: ImportList; result: TestAllResult | undefined; onEdit: () => void }) {
  return (
    <li className="profile-card">
      <article aria-labelledby={`importlist-${list.id}`}>
        <h3 id={`importlist-${list.id}`} className="profile-card__name">
          {list.name}
        </h3>
        <p className="profile-card__facts muted">{list.implementationName}</p>
        {!list.enabled && <span className="badge badge--muted">Disabled</span>}
        {list.enabled && <span className="badge">{list.enableAuto ? "Adds automatically" : "Offers only"}</span>}
        <ProviderStatusNote provider={list} />
        <TestResult result={result} />
        <div className="profile-card__actions">
          <button type="button" className="button button--small" aria-label={`Edit ${list.name}`} onClick={onEdit}>
            Edit
          </button>
        </div>
      </article>
    </li>
  );
}

function ChooseList({ onChoose, onClose }: { onChoose: (list: ImportList) => void; onClose: () => void }) {
  const schema = useProviderSchema<ImportList>("importlist", true);
  return (
    <Dialog title="Add list" open onClose={onClose} wide>
      {schema.isPending && <Loading what="the list types" />}
      {schema.isError && <ErrorMessage error={schema.error} title="The list types could not be loaded" />}
      {schema.data && (
        <ul className="add-provider__list" aria-label="List types">
          {[...schema.data]
            .sort((a, b) => a.listOrder - b.listOrder)
            .map((template) => (
              <li key={template.implementation} className="add-provider__item">
                <button type="button" className="button" onClick={() => onChoose(newProvider(template))}>
                  {template.implementationName}
                </button>
                {(template.presets ?? []).map((preset) => (
                  <button key={preset.name} type="button" className="button button--small" onClick={() => onChoose(newProvider(template, preset))}>
                    {preset.name}
                  </button>
                ))}
              </li>
            ))}
        </ul>
      )}
    </Dialog>
  );
}

type Editing = { kind: "add" } | { kind: "edit"; list: ImportList };

/** Radarr's Settings → Import Lists: lists that add films on their own, and what happens to films that leave them. */
export function ImportListsPage() {
  const lists = useProviders<ImportList>("importlist");
  const testAll = useTestAllProviders("importlist");
  const sync = useStartCommand();
  const [editing, setEditing] = useState<Editing | null>(null);
  const results = new Map((testAll.data ?? []).map((r) => [r.id, r]));
  const close = () => setEditing(null);

  return (
    <>
      <h1>Import Lists</h1>
      <section className="panel" aria-labelledby="lists-heading">
        <div className="page-header">
          <h2 id="lists-heading">Lists</h2>
          <div className="page-header__actions">
            <button type="button" className="button" disabled={sync.isPending || !lists.data?.length} onClick={() => sync.mutate({ name: "ImportListSync" })}>
              Sync lists
            </button>
            <button type="button" className="button" disabled={testAll.isPending || !lists.data?.length} onClick={() => testAll.mutate()}>
              {testAll.isPending ? "Testing…" : "Test all"}
            </button>
            <button type="button" className="button button--primary" onClick={() => setEditing({ kind: "add" })}>
              Add list
            </button>
          </div>
        </div>
        {sync.isSuccess && <p role="status">List sync started.</p>}
        {testAll.isError && <ErrorMessage error={testAll.error} title="Could not test the lists" />}
        {lists.isPending && <Loading what="lists" />}
        {lists.isError && <ErrorMessage error={lists.error} title="Lists unavailable" />}
        {lists.data?.length === 0 && <p className="muted">No lists yet: add one to have films added on their own.</p>}
        {lists.data && lists.data.length > 0 && (
          <ul className="profile-cards" aria-label="Lists">
            {lists.data.map((list) => (
              <ListCard key={list.id} list={list} result={results.get(list.id)} onEdit={() => setEditing({ kind: "edit", list })} />
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="list-options-heading">
        <h2 id="list-options-heading">Options</h2>
        <ListSyncOptions />
      </section>
      {editing?.kind === "add" && <ChooseList onClose={close} onChoose={(list) => setEditing({ kind: "edit", list })} />}
      {editing?.kind === "edit" && <ImportListDialog list={editing.list} onClose={close} />}
    </>
  );
}
