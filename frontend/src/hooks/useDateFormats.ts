import { DEFAULT_DATE_FORMATS, type DateFormats } from "../lib/format";

/**
 * The user's date and time formats, for lib/format's date functions. Radarr keeps them in
 * /api/v3/config/ui; until Reelarr has that resource every page gets Radarr's defaults from here,
 * and reading the resource here is all it takes to change every page at once.
 */
export function useDateFormats(): DateFormats {
  return DEFAULT_DATE_FORMATS;
}
