import { useState } from "react";
import { useGrabFromQueue, useQueue, type PageRequest, type QueueItem } from "../../api/activity";
import { CommandOutcome } from "../../components/CommandOutcome";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Checkbox } from "../../components/Field";
import { ErrorIcon, RefreshIcon, WarningIcon } from "../../components/Icons";
import { Pager } from "../../components/Pager";
import { useCommandRun } from "../../hooks/useCommandRun";
import { useLive } from "../../live/LiveProvider";
import { formatTimeLeft, queueMessages, queueProgress, queueStatus } from "../../lib/activity";
import { formatBytes } from "../../lib/format";
import { protocolName } from "../../lib/indexers";
import { FormatsCell, MovieCell, QualityCell, SelectAll, toggled } from "./ActivityParts";
import { RemoveQueueDialog } from "./RemoveQueueDialog";

const PAGE_SIZE = 20;

function Status({ item }: { item: QueueItem }) {
  const status = queueStatus(item);
  return (
    <span className={`queue-status queue-status--${status.tone}`}>
      {status.icon === "error" && <ErrorIcon />}
      {status.icon === "warning" && <WarningIcon />}
      <span className={`badge badge--${status.tone}`}>{status.label}</span>
    </span>
  );
}

function Progress({ item }: { item: QueueItem }) {
  const percent = Math.round(queueProgress(item) * 100);
  return (
    <div className="queue-progress">
      <div className="queue-progress__track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={`${item.title}: ${percent}% downloaded`}>
        <div className="queue-progress__done" style={{ width: `${percent}%` }} />
      </div>
      <span className="muted">
        {formatBytes(item.size - item.sizeleft)} of {formatBytes(item.size)}
      </span>
    </div>
  );
}

/** A release waiting out its delay can be grabbed now; a refusal (no client, a dead link) is shown. */
function GrabNow({ item }: { item: QueueItem }) {
  const grab = useGrabFromQueue();
  return (
    <>
      <button type="button" className="button button--small" aria-label={`Grab ${item.title} now`} disabled={grab.isPending} onClick={() => grab.mutate(item.id)}>
        {grab.isPending ? "Grabbing…" : "Grab"}
      </button>
      {grab.isError && <ErrorMessage error={grab.error} title="Not grabbed" />}
    </>
  );
}

function QueueRow({ item, selected, onSelect, onRemove }: { item: QueueItem; selected: boolean; onSelect: (on: boolean) => void; onRemove: () => void }) {
  const status = queueStatus(item);
  const messages = status.showMessages ? queueMessages(item) : [];
  return (
    <tr>
      <td>
        <input type="checkbox" aria-label={`Select ${item.title}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      </td>
      <td>
        <MovieCell movie={item.movie} />
      </td>
      <th scope="row" className="activity-title">
        {item.title}
        {messages.length > 0 && (
          <ul className="queue-messages" aria-label={`Messages about ${item.title}`}>
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </th>
      <td>
        <Status item={item} />
      </td>
      <td>
        <QualityCell quality={item.quality} />
      </td>
      <td>
        <FormatsCell formats={item.customFormats} />
      </td>
      <td>
        {item.downloadClient ?? "—"}
        {item.protocol !== "unknown" && <div className="muted">{protocolName(item.protocol)}</div>}
      </td>
      <td>{item.indexer ?? "—"}</td>
      <td>
        <Progress item={item} />
      </td>
      <td>{formatTimeLeft(item.timeleft)}</td>
      <td className="actions">
        {item.status === "delay" && <GrabNow item={item} />}
        <button type="button" className="button button--small" aria-label={`Remove ${item.title}`} onClick={onRemove}>
          Remove
        </button>
      </td>
    </tr>
  );
}

/** Radarr's Activity → Queue: what the download clients are fetching for the library, live. */
export function QueuePage() {
  const [request, setRequest] = useState<PageRequest>({ page: 1, pageSize: PAGE_SIZE, sortKey: "timeleft", sortDirection: "ascending" });
  const [includeUnknown, setIncludeUnknown] = useState(false);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [removing, setRemoving] = useState<{ items: QueueItem[]; bulk: boolean } | null>(null);
  const live = useLive();
  const queue = useQueue(request, includeUnknown, live.status !== "connected");
  const refresh = useCommandRun(() => void queue.refetch());
  const records = queue.data?.records ?? [];
  const ids = records.map((r) => r.id);
  const chosen = records.filter((r) => selected.has(r.id));

  return (
    <>
      <div className="page-header">
        <h1>Queue</h1>
        <div className="page-header__actions">
          <button type="button" className="button" disabled={refresh.busy} onClick={() => refresh.start({ name: "RefreshMonitoredDownloads" })}>
            <RefreshIcon /> {refresh.busy ? "Refreshing…" : "Refresh"}
          </button>
          <button type="button" className="button button--danger" disabled={chosen.length === 0} onClick={() => setRemoving({ items: chosen, bulk: true })}>
            Remove selected{chosen.length > 0 ? ` (${chosen.length})` : ""}
          </button>
        </div>
      </div>
      <div className="activity-toolbar">
        <Checkbox
          label="Show downloads of unknown movies"
          checked={includeUnknown}
          onChange={(e) => {
            setIncludeUnknown(e.target.checked);
            setRequest((r) => ({ ...r, page: 1 }));
          }}
        />
        <CommandOutcome command={refresh.command} startError={refresh.startError} />
      </div>
      {queue.isPending && <Loading what="the queue" />}
      {queue.isError && <ErrorMessage error={queue.error} title="The queue could not be loaded" />}
      {queue.data && queue.data.totalRecords === 0 && <p className="muted">The queue is empty: nothing is downloading.</p>}
      {records.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Queue">
            <thead>
              <tr>
                <th scope="col">
                  <SelectAll ids={ids} selected={selected} onChange={setSelected} what="download" />
                </th>
                <th scope="col">Movie</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Quality</th>
                <th scope="col">Formats</th>
                <th scope="col">Client</th>
                <th scope="col">Indexer</th>
                <th scope="col">Progress</th>
                <th scope="col">Time left</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((item) => (
                <QueueRow
                  key={item.id}
                  item={item}
                  selected={selected.has(item.id)}
                  onSelect={(on) => setSelected((s) => toggled(s, item.id, on))}
                  onRemove={() => setRemoving({ items: [item], bulk: false })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {queue.data && queue.data.totalRecords > PAGE_SIZE && (
        <Pager page={request.page} pageSize={PAGE_SIZE} total={queue.data.totalRecords} what="queue" onPage={(page) => setRequest((r) => ({ ...r, page }))} />
      )}
      {removing && <RemoveQueueDialog items={removing.items} bulk={removing.bulk} onClose={() => setRemoving(null)} onRemoved={() => setSelected(new Set())} />}
    </>
  );
}
