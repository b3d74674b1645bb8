import { FILE_STATES } from "../../lib/movies";

/** What the coloured bar under each poster means (Radarr shows this at the foot of the library). */
export function PosterLegend() {
  return (
    <ul className="poster-legend" aria-label="Legend">
      {Object.values(FILE_STATES).map((state) => (
        <li key={state.tone}>
          <span className={`movie-card__bar movie-card__bar--${state.tone}`} aria-hidden="true" />
          {state.label}
        </li>
      ))}
    </ul>
  );
}
