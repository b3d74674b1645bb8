import { useHealth, useSystemStatus } from "../api/queries";
import type { HealthCheck, SystemStatus } from "../api/types";
import { ErrorMessage, Loading } from "../components/Feedback";
import { ServerControls } from "../components/ServerControls";
import { useDateFormats } from "../hooks/useDateFormats";
import { formatDateTime, formatSince, type DateFormats } from "../lib/format";

const DATABASES: Record<string, string> = { sqLite: "SQLite", postgreSQL: "PostgreSQL" };

function aboutRows(status: SystemStatus, formats: DateFormats, now: number): [string, string | undefined][] {
  const database = status.databaseType ? DATABASES[status.databaseType] ?? status.databaseType : undefined;
  return [
    ["Version", status.reelarrVersion ?? status.version],
    ["Radarr API version", status.reelarrVersion ? status.version : undefined],
    ["Instance name", status.instanceName],
    ["Built", status.buildTime && formatDateTime(status.buildTime, formats, now)],
    ["Started", status.startTime && `${formatDateTime(status.startTime, formats, now)} (up ${formatSince(status.startTime, now)})`],
    ["Database", database && [database, status.databaseVersion].filter(Boolean).join(" ")],
    ["Database migration", status.migrationVersion?.toString()],
    ["Runtime", [status.runtimeName, status.runtimeVersion].filter(Boolean).join(" ") || undefined],
    ["Operating system", [status.osName, status.osVersion].filter(Boolean).join(" ") || undefined],
    ["Docker", status.isDocker === undefined ? undefined : status.isDocker ? "Yes" : "No"],
    ["URL base", status.urlBase || "/ (none)"],
    ["Authentication", status.authentication],
    ["Data folder", status.appData],
  ];
}

function About() {
  const status = useSystemStatus();
  const formats = useDateFormats();
  if (status.isPending) return <Loading what="status" />;
  if (status.isError) return <ErrorMessage error={status.error} title="Status unavailable" />;
  return (
    <dl className="facts">
      {aboutRows(status.data, formats, Date.now())
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd data-testid={term === "Version" ? "version" : undefined}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

const TYPE_LABELS: Record<string, string> = { ok: "OK", notice: "Notice", warning: "Warning", error: "Error" };

function HealthItem({ check }: { check: HealthCheck }) {
  return (
    <li className={`health__item health__item--${check.type}`}>
      <span className={`badge badge--${check.type}`}>{TYPE_LABELS[check.type] ?? check.type}</span>
      <span className="health__message">{check.message}</span>
      {check.wikiUrl && (
        <a href={check.wikiUrl} target="_blank" rel="noreferrer noopener" className="health__more">
          More info<span className="visually-hidden"> about {check.source}</span>
        </a>
      )}
    </li>
  );
}

function Health() {
  const health = useHealth();
  if (health.isPending) return <Loading what="health" />;
  if (health.isError) return <ErrorMessage error={health.error} title="Health unavailable" />;
  if (health.data.length === 0) return <p className="health__ok">No issues</p>;
  return (
    <ul className="health">
      {health.data.map((check, i) => (
        <HealthItem key={`${check.source}-${i}`} check={check} />
      ))}
    </ul>
  );
}

export function StatusPage() {
  return (
    <>
      <h1>Status</h1>
      <ServerControls />
      <section aria-labelledby="health-heading" className="panel">
        <h2 id="health-heading">Health</h2>
        <Health />
      </section>
      <section aria-labelledby="about-heading" className="panel">
        <h2 id="about-heading">About</h2>
        <About />
      </section>
    </>
  );
}
