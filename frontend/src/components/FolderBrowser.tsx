import { useFileSystem } from "../api/library";
import { ErrorMessage } from "./Feedback";
import { FolderIcon, ParentFolderIcon } from "./Icons";

/** The part of a typed path the server lists: up to its last slash ("/data/mo" lists "/data/"). */
function listedFolder(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash >= 0 ? path.slice(0, slash + 1) : "";
}

/**
 * The folders in the folder a path names, to click through; picking one hands its path (with a
 * trailing slash, as the server gives it) to `onPick`.
 */
export function FolderBrowser({ path, onPick }: { path: string; onPick: (path: string) => void }) {
  const folder = listedFolder(path);
  const listing = useFileSystem(folder);
  return (
    <div className="folder-browser" aria-label="Folders" role="group">
      <p className="folder-browser__where">
        <span className="muted">In </span>
        <code>{folder || "/"}</code>
      </p>
      {listing.isError && <ErrorMessage error={listing.error} title="Cannot list this folder" />}
      <ul className="folder-browser__list" aria-busy={listing.isFetching}>
        {listing.data?.parent && (
          <li>
            <button type="button" className="folder-browser__item" onClick={() => onPick(listing.data.parent ?? "/")}>
              <ParentFolderIcon />
              Parent folder
            </button>
          </li>
        )}
        {listing.data?.directories.map((entry) => (
          <li key={entry.path}>
            <button type="button" className="folder-browser__item" onClick={() => onPick(entry.path)}>
              <FolderIcon />
              {entry.name}
            </button>
          </li>
        ))}
        {listing.data && listing.data.directories.length === 0 && <li className="muted">No folders here</li>}
      </ul>
    </div>
  );
}
