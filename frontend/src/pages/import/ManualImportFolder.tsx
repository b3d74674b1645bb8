import { useState, type FormEvent } from "react";
import { Field } from "../../components/Field";
import { FolderBrowser } from "../../components/FolderBrowser";
import { ManualImportDialog } from "../activity/ManualImportDialog";

/**
 * Radarr's standalone manual import: the video files of any folder on this machine (a download no
 * client tracks), matched to films of the library and imported by hand, moved or copied.
 */
export function ManualImportFolder() {
  const [path, setPath] = useState("");
  const [browsing, setBrowsing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) setOpen(path.trim());
  };

  return (
    <section className="panel" aria-labelledby="manual-import-heading">
      <h2 id="manual-import-heading">Manual import</h2>
      <p className="muted">Import the video files of a folder (a finished download, for instance) into the films of the library.</p>
      <form className="form" onSubmit={onSubmit} aria-label="Manual import from a folder">
        <div className="inline-field">
          <Field
            label="Folder to import from"
            name="manualImportFolder"
            spellCheck={false}
            autoComplete="off"
            placeholder="/data/downloads/Some.Movie.2020.1080p"
            value={path}
            onChange={(e) => setPath(e.target.value)}
          />
          <button type="button" className="button" aria-expanded={browsing} onClick={() => setBrowsing((b) => !b)}>
            {browsing ? "Hide folders" : "Browse"}
          </button>
        </div>
        {browsing && <FolderBrowser path={path || "/"} onPick={(picked) => setPath(picked)} />}
        <div>
          <button type="submit" className="button button--primary" disabled={!path.trim()}>
            Manual Import
          </button>
        </div>
      </form>
      {open && <ManualImportDialog source={{ folder: open }} what={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
