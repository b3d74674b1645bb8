import { useState } from "react";
import { useReleaseDecisions, type ReleaseDecision } from "../../api/releases";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { useDateFormats } from "../../hooks/useDateFormats";
import { decisionSummary, sourceLabel } from "../../lib/decisions";
import { formatBytes, formatDateTime, formatLongDateTime } from "../../lib/format";
import { formatScore } from "../../lib/releases";
import "./releases.css";
import { BreakableTitle } from "./ReleaseTable";

const FIRST_ROWS = 25;

function DecisionRow({ decision, now }: { decision: ReleaseDecision; now: number }) {
  const formats = useDateFormats();
  const summary = decisionSummary(decision);
  const facts = [decision.indexer, decision.quality, formatBytes(decision.size), `score ${formatScore(decision.customFormatScore)}`];
  return (
    <tr>
      <td className="decisions__when">
        <time dateTime={decision.decided} title={formatLongDateTime(decision.decided, formats)}>
          {formatDateTime(decision.decided, formats, now)}
        </time>
        <span className="muted decisions__source">{sourceLabel(decision.source)}</span>
      </td>
      <th scope="row" className="release-table__title">
        <BreakableTitle title={decision.title} />
        <span className="release-table__formats muted">{facts.join(" · ")}</span>
        {decision.customFormats.length > 0 && <span className="release-table__formats muted">Formats: {decision.customFormats.join(", ")}</span>}
      </th>
      <td className="release-table__decision">
        <span className={`badge badge--${summary.tone}`}>{summary.label}</span>
        <span className="decision__why">{summary.explanation}</span>
        {decision.rejectionReasons.length > 0 && (
          <ul className="rejections" aria-label="Why not">
            {decision.rejectionReasons.map((r) => (
              <li key={`${r.reason}-${r.message}`}>
                {r.message}
                {r.type === "temporary" && <span className="muted"> (for now)</span>}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** "Why didn't it grab X?": every release RSS syncs and searches saw for the film in 30 days, and what was decided. */
export function DecisionHistory({ movieId }: { movieId: number }) {
  const decisions = useReleaseDecisions(movieId);
  const [showAll, setShowAll] = useState(false);
  const now = Date.now();
  const all = decisions.data ?? [];
  const shown = showAll ? all : all.slice(0, FIRST_ROWS);
  return (
    <section className="panel" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">Release decisions</h2>
      <p className="muted">Every release RSS syncs and searches found for this film in the last 30 days, newest first, and what Reelarr decided about it.</p>
      {decisions.isPending && <Loading what="the release decisions" />}
      {decisions.isError && <ErrorMessage error={decisions.error} title="The release decisions could not be loaded" />}
      {decisions.data?.length === 0 && <p>No release has been seen for this film in the last 30 days.</p>}
      {all.length > 0 && (
        <div className="table-wrap">
          <table className="table release-table" aria-label="Release decisions">
            <thead>
              <tr>
                <th scope="col">Decided</th>
                <th scope="col">Release</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((decision) => (
                <DecisionRow key={decision.id} decision={decision} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {all.length > shown.length && (
        <button type="button" className="button" onClick={() => setShowAll(true)}>
          Show all {all.length}
        </button>
      )}
    </section>
  );
}
