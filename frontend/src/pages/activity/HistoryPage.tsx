import { useState, type ReactNode } from "react";
import { useHistory, type HistoryRecord, type PageRequest } from "../../api/activity";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { SelectField } from "../../components/Field";
import { DownloadIcon, ErrorIcon, IgnoredIcon, ImportedIcon, RenameIcon, TrashIcon } from "../../components/Icons";
import { Pager } from "../../components/Pager";
import { When } from "../../components/When";
import { useDateFormats } from "../../hooks/useDateFormats";
import { HISTORY_EVENTS, historyDetails, historyEventLabel } from "../../lib/activity";
import { formatLongDateTime, type DateFormats } from "../../lib/format";
import { FormatsCell, MovieCell, QualityCell } from "./ActivityParts";

const PAGE_SIZE = 20;
const TONES: Record<string, string> = {
  grabbed: "notice",
  downloadFolderImported: "ok",
  movieFolderImported: "ok",
  downloadFailed: "error",
  movieFileDeleted: "warning",
  downloadIgnored: "muted",
  movieFileRenamed: "muted",
};

const ICONS: Record<string, () => ReactNode> = {
  grabbed: () => <DownloadIcon />,
  downloadFolderImported: () => <ImportedIcon />,
  movieFolderImported: () => <ImportedIcon />,
  downloadFailed: () => <ErrorIcon />,
  movieFileDeleted: () => <TrashIcon />,
  movieFileRenamed: () => <RenameIcon />,
  downloadIgnored: () => <IgnoredIcon />,
};

function Details({ record, formats }: { record: HistoryRecord; formats: DateFormats }) {
  const details = historyDetails(record, (iso) => formatLongDateTime(iso, formats));
  if (details.length === 0) return null;
  return (
    <details className="history-more">
      <summary aria-label={`Details of ${record.sourceTitle}`}>Details</summary>
      <dl className="history-details">
        {details.map(([label, value]) => (
          <div key={label} className="history-details__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function HistoryRow({ record, formats, now }: { record: HistoryRecord; formats: DateFormats; now: number }) {
  return (
    <tr>
      <td>
        <span className={`history-event history-event--${TONES[record.eventType] ?? "muted"}`}>
          {ICONS[record.eventType]?.()}
          <span className={`badge badge--${TONES[record.eventType] ?? "muted"}`}>{historyEventLabel(record.eventType)}</span>
        </span>
      </td>
      <td>
        <MovieCell movie={record.movie} />
      </td>
      <th scope="row" className="activity-title">
        {record.sourceTitle}
      </th>
      <td>
        <QualityCell quality={record.quality} />
      </td>
      <td>
        <FormatsCell formats={record.customFormats} />
      </td>
      <td>
        <When value={record.date} formats={formats} now={now} />
      </td>
      <td className="activity-title">
        <Details record={record} formats={formats} />
      </td>
    </tr>
  );
}

/** Radarr's Activity → History: what happened to the films' releases and files, newest first. */
export function HistoryPage() {
  const [request, setRequest] = useState<PageRequest>({ page: 1, pageSize: PAGE_SIZE, sortKey: "date", sortDirection: "descending" });
  const [eventType, setEventType] = useState<string>("");
  const history = useHistory(request, eventType || undefined);
  const formats = useDateFormats();
  const now = Date.now();
  const records = history.data?.records ?? [];

  return (
    <>
      <h1>History</h1>
      <div className="activity-toolbar">
        <SelectField
          label="Event type"
          value={eventType}
          onChange={(e) => {
            setEventType(e.target.value);
            setRequest((r) => ({ ...r, page: 1 }));
          }}
        >
          <option value="">All events</option>
          {HISTORY_EVENTS.map((event) => (
            <option key={event.id} value={String(event.id)}>
              {event.label}
            </option>
          ))}
        </SelectField>
      </div>
      {history.isPending && <Loading what="history" />}
      {history.isError && <ErrorMessage error={history.error} title="History could not be loaded" />}
      {history.data && history.data.totalRecords === 0 && <p className="muted">{eventType ? "No events of this type yet." : "Nothing has happened yet."}</p>}
      {records.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="History">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Movie</th>
                <th scope="col">Source title</th>
                <th scope="col">Quality</th>
                <th scope="col">Formats</th>
                <th scope="col">Date</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <HistoryRow key={record.id} record={record} formats={formats} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history.data && history.data.totalRecords > PAGE_SIZE && (
        <Pager page={request.page} pageSize={PAGE_SIZE} total={history.data.totalRecords} what="history" onPage={(page) => setRequest((r) => ({ ...r, page }))} />
      )}
    </>
  );
}
