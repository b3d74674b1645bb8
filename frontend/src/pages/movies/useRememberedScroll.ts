import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";

const KEY = "reelarr.library.scroll.";

/**
 * Where a scroller was when the user left the page (to open a movie, say), so coming back lands
 * in the same place. Returns the offset to start at; saves the offset when the page goes.
 */
export function useRememberedScroll(view: string, scroller: RefObject<HTMLElement | null>): number {
  const [initial] = useState(() => Number(sessionStorage.getItem(KEY + view)) || 0);
  useLayoutEffect(() => {
    const element = scroller.current;
    return () => {
      if (element) sessionStorage.setItem(KEY + view, String(element.scrollTop));
    };
  }, [view, scroller]);
  return initial;
}

/** Back to the top when `resetKey` (filter, sort) changes: the old place means nothing in a new list. */
export function useScrollTopOn(resetKey: string, scrollToTop: () => void): void {
  const previous = useRef(resetKey);
  useEffect(() => {
    if (previous.current === resetKey) return;
    previous.current = resetKey;
    scrollToTop();
  }, [resetKey, scrollToTop]);
}
