import { Link, useSearchParams } from "react-router";
import { useCalendar } from "../../api/library";
import { ErrorMessage } from "../../components/Feedback";
import { isBoolean, useStoredState } from "../../hooks/useStoredState";
import { addMonths, localIsoDate, monthGrid, parseMonth, releaseEvents, RELEASE_LABELS, type ReleaseEvent } from "../../lib/calendar";
import type { LibraryMovie } from "../../api/types";
import { movieAddress } from "../../routes/addresses";

const pad = (n: number) => String(n).padStart(2, "0");
const monthParam = (year: number, month: number) => `${year}-${pad(month + 1)}`;

function dayLabel(date: string, style: "long" | "numeric"): string {
  const [y, m, d] = date.split("-").map(Number);
  const value = new Date(Date.UTC(y!, m! - 1, d!));
  return style === "long"
    ? value.toLocaleDateString(undefined, { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" })
    : String(d);
}

function weekdayNames(): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(undefined, { weekday: "short", timeZone: "UTC" }),
  );
}

function Event({ event }: { event: ReleaseEvent<LibraryMovie> }) {
  const { movie, kind } = event;
  const tone = movie.hasFile ? "downloaded" : movie.monitored ? "missing" : "unmonitored";
  return (
    <li className={`calendar-event calendar-event--${kind} calendar-event--${tone}`}>
      <Link to={movieAddress(movie)} className="calendar-event__link">
        <span className="calendar-event__title">{movie.title}</span>
        <span className="calendar-event__kind">{RELEASE_LABELS[kind]}</span>
      </Link>
    </li>
  );
}

export function CalendarPage() {
  const [params, setParams] = useSearchParams();
  const today = localIsoDate(new Date());
  const shown = parseMonth(params.get("month") ?? "") ?? parseMonth(today)!;
  const [unmonitored, setUnmonitored] = useStoredState("calendar.unmonitored", false, isBoolean);
  const weeks = monthGrid(shown.year, shown.month, 1);
  const first = weeks[0]![0]!.date;
  const last = weeks[weeks.length - 1]![6]!.date;
  const calendar = useCalendar(first, last, unmonitored);
  const events = releaseEvents(calendar.data ?? [], first, last);
  const title = new Date(Date.UTC(shown.year, shown.month, 1)).toLocaleDateString(undefined, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const go = (delta: number) => {
    const next = addMonths(shown.year, shown.month, delta);
    setParams({ month: monthParam(next.year, next.month) });
  };

  return (
    <>
      <div className="page-header">
        <h1>Calendar</h1>
        <h2 className="calendar__month" aria-live="polite">
          {title}
        </h2>
        <div className="calendar__nav">
          <button type="button" className="button button--small" onClick={() => go(-1)}>
            <span aria-hidden="true">‹ </span>Previous month
          </button>
          <button type="button" className="button button--small" onClick={() => setParams({})}>
            Today
          </button>
          <button type="button" className="button button--small" onClick={() => go(1)}>
            Next month<span aria-hidden="true"> ›</span>
          </button>
        </div>
      </div>
      <div className="toolbar">
        <label className="toolbar__item">
          <input type="checkbox" checked={unmonitored} onChange={(e) => setUnmonitored(e.target.checked)} />
          <span>Show unmonitored</span>
        </label>
        <ul className="calendar-legend" aria-label="Legend">
          <li className="calendar-event--missing">Missing</li>
          <li className="calendar-event--downloaded">Downloaded</li>
          <li className="calendar-event--unmonitored">Unmonitored</li>
        </ul>
        {calendar.isFetching && (
          <span className="muted" role="status">
            Loading…
          </span>
        )}
      </div>
      {calendar.isError && <ErrorMessage error={calendar.error} title="The calendar could not be loaded" />}
      <div className="calendar" aria-label={`Releases in ${title}`} role="region">
        <div className="calendar__weekdays" aria-hidden="true">
          {weekdayNames().map((name) => (
            <span key={name}>{name}</span>
          ))}
        </div>
        <ol className="calendar__days">
          {weeks.flat().map((day) => {
            const dayEvents = events.get(day.date) ?? [];
            return (
              <li
                key={day.date}
                className={`calendar-day${day.inMonth ? "" : " calendar-day--outside"}${day.date === today ? " calendar-day--today" : ""}${dayEvents.length === 0 ? " calendar-day--empty" : ""}`}
                aria-current={day.date === today ? "date" : undefined}
              >
                <h3 className="calendar-day__date">
                  <span aria-hidden="true">{dayLabel(day.date, "numeric")}</span>
                  <span className="visually-hidden">{dayLabel(day.date, "long")}</span>
                </h3>
                {dayEvents.length > 0 && (
                  <ul className="calendar-day__events">
                    {dayEvents.map((event) => (
                      <Event key={`${event.movie.id}-${event.kind}`} event={event} />
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </div>
      {calendar.data && events.size === 0 && (
        <p className="muted">No releases of {unmonitored ? "" : "monitored "}movies in this month.</p>
      )}
    </>
  );
}
