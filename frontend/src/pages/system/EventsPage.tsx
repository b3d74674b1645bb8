import { useState } from "react";
import { useLogEvents, type LogRecord } from "../../api/logs";
import { Dialog } from "../../components/Dialog";
import { SelectField } from "../../components/Field";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Pager } from "../../components/Pager";
import { When } from "../../components/When";
import { useDateFormats } from "../../hooks/useDateFormats";
import { formatLongDateTime } from "../../lib/format";
import { LEVEL_FILTERS, levelLabel, levelTone, type LogRequest } from "../../lib/logs";

const PAGE_SIZE = 50;

function Details({ record, onClose }: { record: LogRecord; onClose: () => void }) {
  const formats = useDateFormats();
  return (
    <Dialog title="Details" open onClose={onClose} wide>
      <dl className="log-details">
        <dt>Time</dt>
        <dd>{formatLongDateTime(record.time, formats)}</dd>
        <dt>Level</dt>
        <dd>{levelLabel(record.level)}</dd>
        <dt>Component</dt>
        <dd>
          <code>{record.logger}</code>
          {record.method && <code>.{record.method}</code>}
        </dd>
      </dl>
      <h3>Message</h3>
      <pre className="log-text">{record.message}</pre>
      {record.exception && (
        <>
          <h3>Exception{record.exceptionType ? `: ${record.exceptionType}` : ""}</h3>
          <pre className="log-text">{record.exception}</pre>
        </>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/** Radarr's System → Events: what the server logged, newest first, filtered by level. */
export function EventsPage() {
  const [request, setRequest] = useState<LogRequest>({ page: 1, pageSize: PAGE_SIZE, level: "" });
  const [open, setOpen] = useState<LogRecord | null>(null);
  const events = useLogEvents(request);
  const formats = useDateFormats();
  const now = Date.now();
  const records = events.data?.records ?? [];

  return (
    <>
      <div className="page-header">
        <h1>Events</h1>
        <div className="page-header__actions">
          <button type="button" className="button" disabled={events.isFetching} onClick={() => void events.refetch()}>
            {events.isFetching ? "Refreshing…" : "Refresh"}
          </button>
        </div>
      </div>
      <div className="activity-toolbar">
        <SelectField label="Level" value={request.level} onChange={(e) => setRequest({ ...request, level: e.target.value, page: 1 })}>
          {LEVEL_FILTERS.map((filter) => (
            <option key={filter.value} value={filter.value}>
              {filter.label}
            </option>
          ))}
        </SelectField>
      </div>
      {events.isPending && <Loading what="the events" />}
      {events.isError && <ErrorMessage error={events.error} title="The events could not be loaded" />}
      {events.data?.totalRecords === 0 && <p className="muted">No events found.</p>}
      {records.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Events">
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col">Time</th>
                <th scope="col">Component</th>
                <th scope="col">Message</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id}>
                  <td>
                    <span className={`badge badge--${levelTone(record.level)}`}>{levelLabel(record.level)}</span>
                  </td>
                  <td>
                    <When value={record.time} formats={formats} now={now} />
                  </td>
                  <td>
                    <code>{record.logger}</code>
                  </td>
                  <th scope="row" className="activity-title">
                    {record.message}
                  </th>
                  <td className="actions">
                    <button type="button" className="button button--small" aria-label={`Details of ${record.message}`} onClick={() => setOpen(record)}>
                      Details
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events.data && events.data.totalRecords > PAGE_SIZE && (
        <Pager page={request.page} pageSize={PAGE_SIZE} total={events.data.totalRecords} what="events" onPage={(page) => setRequest((r) => ({ ...r, page }))} />
      )}
      {open && <Details record={open} onClose={() => setOpen(null)} />}
    </>
  );
}
