import { useCallback, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { oneOf, useStoredState } from "../../hooks/useStoredState";
import {
  addressOfView,
  DEFAULT_VIEW,
  DIRECTIONS,
  FILTERS,
  LAYOUTS,
  namesWholeView,
  SORT_KEYS,
  viewFromAddress,
  type LibraryLayout,
  type LibraryView,
  type RememberedView,
} from "../../lib/libraryView";
import type { MovieFilter, SortDirection, SortKey } from "../../lib/movies";

/**
 * The library's view, filter and sort, read from the address (the browser's remembered choice
 * fills in what the address leaves out) and written back to it: a choice is a new history entry,
 * so Back returns to the previous one; typing in the title filter replaces the current entry.
 */
export function useLibraryView() {
  const [params, setParams] = useSearchParams();
  const [view, rememberView] = useStoredState<LibraryLayout>("library.view", DEFAULT_VIEW.view, oneOf(LAYOUTS));
  const [filter, rememberFilter] = useStoredState<MovieFilter>("library.filter", DEFAULT_VIEW.filter, oneOf(FILTERS));
  const [sortKey, rememberSortKey] = useStoredState<SortKey>("library.sortKey", DEFAULT_VIEW.sortKey, oneOf(SORT_KEYS));
  const [sortDirection, rememberSortDirection] = useStoredState<SortDirection>(
    "library.sortDirection",
    DEFAULT_VIEW.sortDirection,
    oneOf(DIRECTIONS),
  );
  const current = viewFromAddress(params, { view, filter, sortKey, sortDirection });

  // An address that leaves something out is spelled out in place, so every history entry holds
  // the whole view (Back to it shows what was shown, whatever is remembered by then).
  const whole = namesWholeView(params);
  const currentRef = useRef(current);
  currentRef.current = current;
  useEffect(() => {
    if (!whole) setParams(addressOfView(currentRef.current), { replace: true });
  }, [whole, setParams]);

  const change = useCallback(
    (patch: Partial<RememberedView>) => {
      const next: LibraryView = { ...currentRef.current, ...patch };
      rememberView(next.view);
      rememberFilter(next.filter);
      rememberSortKey(next.sortKey);
      rememberSortDirection(next.sortDirection);
      setParams(addressOfView(next));
    },
    [rememberView, rememberFilter, rememberSortKey, rememberSortDirection, setParams],
  );

  // The input keeps its own state so typing never waits for the router; Back or a link that
  // changes `q` is copied into it.
  const [text, setTextState] = useState(current.text);
  const written = useRef(current.text);
  useEffect(() => {
    if (current.text !== written.current) {
      written.current = current.text;
      setTextState(current.text);
    }
  }, [current.text]);
  const setText = useCallback(
    (value: string) => {
      setTextState(value);
      written.current = value;
      setParams(addressOfView({ ...currentRef.current, text: value }), { replace: true });
    },
    [setParams],
  );

  return { ...current, text, change, setText };
}
