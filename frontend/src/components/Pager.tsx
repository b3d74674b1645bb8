import { pageCount } from "../lib/activity";
import { ChevronLeftIcon, ChevronRightIcon } from "./Icons";

/** Previous / next through a paged resource, with where we are and how many rows there are. */
export function Pager({ page, pageSize, total, what, onPage }: { page: number; pageSize: number; total: number; what: string; onPage: (page: number) => void }) {
  const pages = pageCount(total, pageSize);
  return (
    <nav className="pager" aria-label={`Pages of the ${what}`}>
      <button type="button" className="button button--small" aria-label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <ChevronLeftIcon />
      </button>
      <span className="pager__where">
        Page {Math.min(page, pages)} of {pages} · {total} {total === 1 ? "row" : "rows"}
      </span>
      <button type="button" className="button button--small" aria-label="Next page" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        <ChevronRightIcon />
      </button>
    </nav>
  );
}
