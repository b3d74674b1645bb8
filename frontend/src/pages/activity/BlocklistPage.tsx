import { useState } from "react";
import { useBlocklist, useRemoveFromBlocklist, type BlocklistItem, type PageRequest } from "../../api/activity";
import { ApiError } from "../../api/errors";
import { CommandOutcome } from "../../components/CommandOutcome";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Pager } from "../../components/Pager";
import { When } from "../../components/When";
import { useCommandRun } from "../../hooks/useCommandRun";
import { useDateFormats } from "../../hooks/useDateFormats";
import { FormatsCell, MovieCell, QualityCell, SelectAll, toggled } from "./ActivityParts";

const PAGE_SIZE = 20;

function RemoveDialog({ items, onRemoved, onClose }: { items: readonly BlocklistItem[]; onRemoved: () => void; onClose: () => void }) {
  const remove = useRemoveFromBlocklist();
  const one = items.length === 1 ? items[0] : undefined;
  const title = one ? "Remove from blocklist" : `Remove ${items.length} releases from the blocklist`;
  return (
    <Dialog title={title} open onClose={onClose}>
      <p>{one ? <>Let <strong>{one.sourceTitle}</strong> be grabbed again?</> : `Let the ${items.length} selected releases be grabbed again?`}</p>
      {remove.isError && <ErrorMessage error={remove.error} title="Could not remove" />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(
              items.map((i) => i.id),
              {
                onSuccess: () => {
                  onRemoved();
                  onClose();
                },
              },
            )
          }
        >
          {remove.isPending ? "Removing…" : "Remove"}
        </button>
      </div>
    </Dialog>
  );
}

function ClearDialog({ onClear, onClose }: { onClear: () => void; onClose: () => void }) {
  return (
    <Dialog title="Clear the blocklist" open onClose={onClose}>
      <p>Remove every release from the blocklist? Any of them may be grabbed again.</p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            onClear();
            onClose();
          }}
        >
          Clear
        </button>
      </div>
    </Dialog>
  );
}

/** Radarr's Activity → Blocklist: releases that failed or were refused, which are not grabbed again. */
export function BlocklistPage() {
  const [request, setRequest] = useState<PageRequest>({ page: 1, pageSize: PAGE_SIZE, sortKey: "date", sortDirection: "descending" });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [removing, setRemoving] = useState<BlocklistItem[] | null>(null);
  const [clearing, setClearing] = useState(false);
  const blocklist = useBlocklist(request);
  const clear = useCommandRun(() => {
    setSelected(new Set());
    void blocklist.refetch();
  });
  const formats = useDateFormats();
  const now = Date.now();
  const records = blocklist.data?.records ?? [];
  const chosen = records.filter((r) => selected.has(r.id));
  const empty = blocklist.data?.totalRecords === 0;
  // Until the server keeps a blocklist (404), there is nothing on it.
  const absent = blocklist.error instanceof ApiError && blocklist.error.status === 404;

  return (
    <>
      <div className="page-header">
        <h1>Blocklist</h1>
        <div className="page-header__actions">
          <button type="button" className="button button--danger" disabled={chosen.length === 0} onClick={() => setRemoving(chosen)}>
            Remove selected{chosen.length > 0 ? ` (${chosen.length})` : ""}
          </button>
          <button type="button" className="button" disabled={clear.busy || empty || absent || !blocklist.data} onClick={() => setClearing(true)}>
            {clear.busy ? "Clearing…" : "Clear"}
          </button>
        </div>
      </div>
      <CommandOutcome command={clear.command} startError={clear.startError} />
      {blocklist.isPending && <Loading what="the blocklist" />}
      {absent && <p className="muted">The blocklist is empty: this version of Reelarr does not keep one yet.</p>}
      {blocklist.isError && !absent && <ErrorMessage error={blocklist.error} title="The blocklist could not be loaded" />}
      {empty && <p className="muted">The blocklist is empty: no release has been refused or failed.</p>}
      {records.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Blocklist">
            <thead>
              <tr>
                <th scope="col">
                  <SelectAll ids={records.map((r) => r.id)} selected={selected} onChange={setSelected} what="release" />
                </th>
                <th scope="col">Movie</th>
                <th scope="col">Source title</th>
                <th scope="col">Quality</th>
                <th scope="col">Formats</th>
                <th scope="col">Date</th>
                <th scope="col">Indexer</th>
                <th scope="col">Message</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((item) => (
                <tr key={item.id}>
                  <td>
                    <input type="checkbox" aria-label={`Select ${item.sourceTitle}`} checked={selected.has(item.id)} onChange={(e) => setSelected((s) => toggled(s, item.id, e.target.checked))} />
                  </td>
                  <td>
                    <MovieCell movie={item.movie} />
                  </td>
                  <th scope="row" className="activity-title">
                    {item.sourceTitle}
                  </th>
                  <td>
                    <QualityCell quality={item.quality} />
                  </td>
                  <td>
                    <FormatsCell formats={item.customFormats} />
                  </td>
                  <td>
                    <When value={item.date} formats={formats} now={now} />
                  </td>
                  <td>{item.indexer ?? "—"}</td>
                  <td className="activity-title">{item.message ?? ""}</td>
                  <td className="actions">
                    <button type="button" className="button button--small" aria-label={`Remove ${item.sourceTitle}`} onClick={() => setRemoving([item])}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {blocklist.data && blocklist.data.totalRecords > PAGE_SIZE && (
        <Pager page={request.page} pageSize={PAGE_SIZE} total={blocklist.data.totalRecords} what="blocklist" onPage={(page) => setRequest((r) => ({ ...r, page }))} />
      )}
      {removing && <RemoveDialog items={removing} onClose={() => setRemoving(null)} onRemoved={() => setSelected(new Set())} />}
      {clearing && <ClearDialog onClose={() => setClearing(false)} onClear={() => clear.start({ name: "ClearBlocklist" })} />}
    </>
  );
}
