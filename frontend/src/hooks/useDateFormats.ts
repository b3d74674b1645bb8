import { useUiConfig } from "../api/general";
import { DEFAULT_DATE_FORMATS, type DateFormats } from "../lib/format";

/**
 * The user's date and time formats (Settings → UI, /api/v3/config/ui), for lib/format's date
 * functions; Radarr's defaults until they are loaded.
 */
export function useDateFormats(): DateFormats {
  const config = useUiConfig().data;
  if (!config) return DEFAULT_DATE_FORMATS;
  return {
    shortDateFormat: config.shortDateFormat,
    longDateFormat: config.longDateFormat,
    timeFormat: config.timeFormat,
    showRelativeDates: config.showRelativeDates,
    firstDayOfWeek: config.firstDayOfWeek,
  };
}
