import { useSaveUiConfig, useUiConfig, type Theme, type UiConfig } from "../../api/general";
import { useLanguages } from "../../api/settings";
import { Checkbox, SelectField } from "../../components/Field";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { useOptionsDraft } from "../../hooks/useOptionsDraft";
import { formatPattern } from "../../lib/format";
import "./settings.css";

const FIELDS = Object.fromEntries(
  ["firstDayOfWeek", "shortDateFormat", "longDateFormat", "timeFormat", "showRelativeDates", "theme", "movieInfoLanguage"].map((k) => [k, k]),
);
const SHORT_DATES = ["MMM D YYYY", "DD MMM YYYY", "MM/D/YYYY", "MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD"];
const LONG_DATES = ["dddd, MMMM D YYYY", "dddd, D MMMM YYYY"];
const TIMES: [string, string][] = [
  ["h(:mm)a", "5pm / 5:30pm"],
  ["HH:mm", "17:00 / 17:30"],
];
// A fixed example day, so each choice shows what it writes.
const EXAMPLE = new Date(Date.UTC(2026, 2, 25, 17, 30));

/** Settings → UI (Radarr's /settings/ui): the theme, how every page writes dates and times, and the
 * language film information comes in. */
export function UiSettingsPage() {
  const config = useUiConfig();
  const save = useSaveUiConfig();
  // Real languages only: Any, Original and Unknown are no language TMDB translates into.
  const languages = (useLanguages().data ?? []).filter((language) => language.id >= 1);
  const { draft, errors, failures, update, onSubmit } = useOptionsDraft(config, save, FIELDS);
  return (
    <>
      <h1>UI</h1>
      {config.isPending && <Loading what="the UI settings" />}
      {config.isError && <ErrorMessage error={config.error} title="The UI settings could not be loaded" />}
      {draft && (
        <form className="form" onSubmit={onSubmit} aria-label="UI settings" aria-busy={save.isPending} noValidate>
          <fieldset className="fieldset options-group">
            <legend>Calendar</legend>
            <SelectField
              label="First day of week"
              value={draft.firstDayOfWeek}
              error={errors.fields.firstDayOfWeek}
              onChange={(e) => update({ firstDayOfWeek: Number(e.target.value) as UiConfig["firstDayOfWeek"] })}
            >
              <option value={0}>Sunday</option>
              <option value={1}>Monday</option>
            </SelectField>
          </fieldset>
          <fieldset className="fieldset options-group">
            <legend>Dates</legend>
            <SelectField label="Short date format" value={draft.shortDateFormat} error={errors.fields.shortDateFormat} onChange={(e) => update({ shortDateFormat: e.target.value })}>
              {SHORT_DATES.map((format) => (
                <option key={format} value={format}>
                  {formatPattern(EXAMPLE, format, true)}
                </option>
              ))}
            </SelectField>
            <SelectField label="Long date format" value={draft.longDateFormat} error={errors.fields.longDateFormat} onChange={(e) => update({ longDateFormat: e.target.value })}>
              {LONG_DATES.map((format) => (
                <option key={format} value={format}>
                  {formatPattern(EXAMPLE, format, true)}
                </option>
              ))}
            </SelectField>
            <SelectField label="Time format" value={draft.timeFormat} error={errors.fields.timeFormat} onChange={(e) => update({ timeFormat: e.target.value })}>
              {TIMES.map(([format, label]) => (
                <option key={format} value={format}>
                  {label}
                </option>
              ))}
            </SelectField>
            <Checkbox
              label="Show relative dates"
              checked={draft.showRelativeDates}
              hint="Today, Yesterday, Friday… instead of the date, for the days around now."
              onChange={(e) => update({ showRelativeDates: e.target.checked })}
            />
          </fieldset>
          <fieldset className="fieldset options-group">
            <legend>Language</legend>
            <SelectField
              label="Movie info language"
              value={draft.movieInfoLanguage}
              error={errors.fields.movieInfoLanguage}
              hint="The language titles and overviews come in from TMDB (English, then the original, where it has none); films take it at their next refresh."
              onChange={(e) => update({ movieInfoLanguage: Number(e.target.value) })}
            >
              {languages.length === 0 && <option value={draft.movieInfoLanguage}>Loading…</option>}
              {languages.map((language) => (
                <option key={language.id} value={language.id}>
                  {language.name}
                </option>
              ))}
            </SelectField>
          </fieldset>
          <fieldset className="fieldset options-group">
            <legend>Style</legend>
            <SelectField
              label="Theme"
              value={draft.theme}
              error={errors.fields.theme}
              hint="Auto follows your system's light or dark preference."
              onChange={(e) => update({ theme: e.target.value as Theme })}
            >
              <option value="auto">Auto</option>
              <option value="dark">Dark</option>
              <option value="light">Light</option>
            </SelectField>
          </fieldset>
          {errors.general.length > 0 && (
            <div className="alert alert--error" role="alert">
              {errors.general.join(" ")}
            </div>
          )}
          {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save UI settings"}
            </button>
            <span role="status">{save.isSuccess && "UI settings saved"}</span>
          </div>
        </form>
      )}
    </>
  );
}
