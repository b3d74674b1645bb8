import { useState } from "react";
import { useCredits } from "../../api/library";
import type { Credit } from "../../api/types";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { castOf, crewByJob } from "../../lib/credits";

const CAST_SHOWN = 12;
const JOBS_SHOWN = 8;

function Headshot({ credit }: { credit: Credit }) {
  const src = credit.images.find((i) => i.coverType === "headshot")?.url;
  const [failed, setFailed] = useState(false);
  if (!src || failed) {
    const initials = credit.personName
      .split(/\s+/)
      .map((word) => word[0])
      .slice(0, 2)
      .join("");
    return (
      <div className="headshot headshot--none" aria-hidden="true">
        {initials}
      </div>
    );
  }
  return <img className="headshot" src={src} alt="" loading="lazy" decoding="async" onError={() => setFailed(true)} />;
}

function ShowAll({ shown, total, what, onClick }: { shown: boolean; total: number; what: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--quiet" aria-expanded={shown} onClick={onClick}>
      {shown ? "Show fewer" : `Show all ${total} ${what}`}
    </button>
  );
}

function Cast({ credits }: { credits: readonly Credit[] }) {
  const [all, setAll] = useState(false);
  const cast = castOf(credits);
  if (cast.length === 0) return <p className="muted">TMDB lists no cast.</p>;
  return (
    <>
      <ul className="cast" aria-label="Cast">
        {(all ? cast : cast.slice(0, CAST_SHOWN)).map((credit) => (
          <li key={credit.id} className="cast__person">
            <Headshot credit={credit} />
            <span className="cast__name">{credit.personName}</span>
            {credit.character && <span className="cast__character muted">{credit.character}</span>}
          </li>
        ))}
      </ul>
      {cast.length > CAST_SHOWN && <ShowAll shown={all} total={cast.length} what="cast members" onClick={() => setAll(!all)} />}
    </>
  );
}

function Crew({ credits }: { credits: readonly Credit[] }) {
  const [all, setAll] = useState(false);
  const jobs = crewByJob(credits);
  if (jobs.length === 0) return <p className="muted">TMDB lists no crew.</p>;
  return (
    <>
      <dl className="facts" aria-label="Crew">
        {(all ? jobs : jobs.slice(0, JOBS_SHOWN)).map((job) => (
          <div key={job.job} className="facts__row">
            <dt>{job.job}</dt>
            <dd>{job.people.map((p) => p.name).join(", ")}</dd>
          </div>
        ))}
      </dl>
      {jobs.length > JOBS_SHOWN && <ShowAll shown={all} total={jobs.length} what="jobs" onClick={() => setAll(!all)} />}
    </>
  );
}

/** The cast and crew panels of a movie's page, as TMDB lists them (kept by the last refresh). */
export function MovieCredits({ movieId }: { movieId: number }) {
  const credits = useCredits(movieId);
  let cast, crew;
  if (credits.data) {
    cast = <Cast credits={credits.data} />;
    crew = <Crew credits={credits.data} />;
  } else if (credits.isError) {
    cast = <ErrorMessage error={credits.error} title="The cast could not be loaded" />;
    crew = null;
  } else {
    cast = <Loading what="the cast" />;
    crew = <Loading what="the crew" />;
  }
  return (
    <>
      <section className="panel" aria-labelledby="cast-heading">
        <h2 id="cast-heading">Cast</h2>
        {cast}
      </section>
      {crew && (
        <section className="panel" aria-labelledby="crew-heading">
          <h2 id="crew-heading">Crew</h2>
          {crew}
        </section>
      )}
    </>
  );
}
