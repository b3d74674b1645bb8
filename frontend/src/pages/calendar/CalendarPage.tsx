import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useCalendar } from "../../api/library";
import { ErrorMessage } from "../../components/Feedback";
import { isBoolean, useStoredState } from "../../hooks/useStoredState";
import { addMonths, localIsoDate, monthGrid, parseMonth, releaseEvents, RELEASE_LABELS, type ReleaseEvent } from "../../lib/calendar";
import type { LibraryMovie } from "../../api/types";
import { useDateFormats } from "../../hooks/useDateFormats";
import { formatPattern, type DateFormats } from "../../lib/format";
import { CalendarIcon, ChevronLeftIcon, ChevronRightIcon } from "../../components/Icons";
import { CalendarLinkDialog } from "./CalendarLinkDialog";
import { movieAddress } from "../../routes/addresses";

const pad = (n: number) => String(n).padStart(2, "0");
const monthParam = (year: number, month: number) => `${year}-${pad(month + 1)}`;

/** A "YYYY-MM-DD" calendar day as a UTC date, to format without the user's zone shifting it. */
const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

function weekdayNames(formats: DateFormats): string[] {
  // 2024-01-07 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => formatPattern(utcDay(`2024-01-${String(7 + formats.firstDayOfWeek + i).padStart(2, "0")}`), "ddd", true));
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
  const [linkOpen, setLinkOpen] = useState(false);
  const formats = useDateFormats();
  const weeks = monthGrid(shown.year, shown.month, formats.firstDayOfWeek);
  const first = weeks[0]![0]!.date;
  const last = weeks[weeks.length - 1]![6]!.date;
  const calendar = useCalendar(first, last, unmonitored);
  const events = releaseEvents(calendar.data ?? [], first, last);
  const title = formatPattern(new Date(Date.UTC(shown.year, shown.month, 1)), "MMMM YYYY", true);
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
            <ChevronLeftIcon />
            Previous month
          </button>
          <button type="button" className="button button--small" onClick={() => setParams({})}>
            Today
          </button>
          <button type="button" className="button button--small" onClick={() => go(1)}>
            Next month
            <ChevronRightIcon />
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
        <button type="button" className="button button--small toolbar__end" onClick={() => setLinkOpen(true)}>
          <CalendarIcon />
          iCal link
        </button>
        {calendar.isFetching && (
          <span className="muted" role="status">
            Loading…
          </span>
        )}
      </div>
      {calendar.isError && <ErrorMessage error={calendar.error} title="The calendar could not be loaded" />}
      <div className="calendar" aria-label={`Releases in ${title}`} role="region">
        <div className="calendar__weekdays" aria-hidden="true">
          {weekdayNames(formats).map((name) => (
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
                  <span aria-hidden="true">{Number(day.date.slice(8))}</span>
                  <span className="visually-hidden">{formatPattern(utcDay(day.date), formats.longDateFormat, true)}</span>
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
      {linkOpen && <CalendarLinkDialog onClose={() => setLinkOpen(false)} />}
      {calendar.data && events.size === 0 && (
        <p className="muted">No releases of {unmonitored ? "" : "monitored "}movies in this month.</p>
      )}
    </>
  );
}
