// The library's view, filter and sort as an address ("/?view=table&filter=missing&sortKey=year&
// sortDirection=descending&q=matrix"), so Back, reloads and bookmarks keep them. Pure.
import { FILTER_LABELS, SORT_LABELS, type MovieFilter, type SortDirection, type SortKey } from "./movies";

export type LibraryLayout = "posters" | "table";

export const LAYOUTS: readonly LibraryLayout[] = ["posters", "table"];
export const FILTERS = Object.keys(FILTER_LABELS) as MovieFilter[];
export const SORT_KEYS = Object.keys(SORT_LABELS) as SortKey[];
export const DIRECTIONS: readonly SortDirection[] = ["ascending", "descending"];

/** What the address holds; `text` is the title filter typed in the toolbar. */
export interface LibraryView {
  view: LibraryLayout;
  filter: MovieFilter;
  sortKey: SortKey;
  sortDirection: SortDirection;
  text: string;
}

/** The settings the address names and the browser remembers (not the typed text). */
export type RememberedView = Omit<LibraryView, "text">;

export const DEFAULT_VIEW: RememberedView = { view: "posters", filter: "all", sortKey: "title", sortDirection: "ascending" };

const PARAMS = ["view", "filter", "sortKey", "sortDirection"] as const;

function pick<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return options.find((option) => option === value);
}

/** The view an address asks for; what it leaves out (or gets wrong) comes from `remembered`. */
export function viewFromAddress(params: URLSearchParams, remembered: RememberedView): LibraryView {
  return {
    view: pick(params.get("view"), LAYOUTS) ?? remembered.view,
    filter: pick(params.get("filter"), FILTERS) ?? remembered.filter,
    sortKey: pick(params.get("sortKey"), SORT_KEYS) ?? remembered.sortKey,
    sortDirection: pick(params.get("sortDirection"), DIRECTIONS) ?? remembered.sortDirection,
    text: params.get("q") ?? "",
  };
}

/** The address of a view: every setting spelled out, so the address alone says what is shown. */
export function addressOfView(view: LibraryView): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of PARAMS) params.set(name, view[name]);
  if (view.text) params.set("q", view.text);
  return params;
}

/** Whether an address names every setting validly (else it is rewritten with the full view). */
export function namesWholeView(params: URLSearchParams): boolean {
  const named = viewFromAddress(params, DEFAULT_VIEW);
  return PARAMS.every((name) => params.get(name) === named[name]);
}

/** The sort after a click on a column header: the same column flips, a new one starts its natural way. */
export function sortByColumn(current: Pick<LibraryView, "sortKey" | "sortDirection">, key: SortKey): Pick<LibraryView, "sortKey" | "sortDirection"> {
  if (key === current.sortKey) {
    return { sortKey: key, sortDirection: current.sortDirection === "ascending" ? "descending" : "ascending" };
  }
  return { sortKey: key, sortDirection: key === "title" ? "ascending" : "descending" };
}
