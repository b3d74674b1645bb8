import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { activityKeys } from "../../api/activity";
import { useMovies } from "../../api/library";
import { useManualImportItems, useReprocessItem, type ManualImportItem, type ManualImportSource } from "../../api/manualImport";
import { useQualityDefinitions } from "../../api/settings";
import { CommandOutcome } from "../../components/CommandOutcome";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { SelectField } from "../../components/Field";
import { useCommandRun } from "../../hooks/useCommandRun";
import { formatBytes } from "../../lib/format";
import { canImport, initiallyChosen, manualImportCommand, type ImportMode } from "../../lib/manualImport";
import { toggled } from "./ActivityParts";

interface ManualImportDialogProps {
  source: ManualImportSource;
  /** What the files are, for the dialog's title ("Manual Import - <download title>"). */
  what: string;
  onClose: () => void;
}

function FileRow({
  item,
  chosen,
  films,
  qualities,
  onChoose,
  onChange,
}: {
  item: ManualImportItem;
  chosen: boolean;
  films: { id: number; label: string }[];
  qualities: { id: number; name: string }[];
  onChoose: (on: boolean) => void;
  onChange: (changes: Partial<ManualImportItem>) => void;
}) {
  return (
    <tr>
      <td>
        <input type="checkbox" aria-label={`Import ${item.relativePath}`} checked={chosen} disabled={!canImport(item)} onChange={(e) => onChoose(e.target.checked)} />
      </td>
      <th scope="row" className="activity-title manual-import__file">
        {item.relativePath}
      </th>
      <td>
        <select
          aria-label={`Movie of ${item.relativePath}`}
          value={item.movie?.id ?? ""}
          onChange={(e) => {
            const id = Number(e.target.value);
            const film = films.find((f) => f.id === id);
            onChange({ movie: film ? ({ id: film.id, title: film.label } as ManualImportItem["movie"]) : null });
          }}
        >
          <option value="">Choose a movie</option>
          {item.movie && !films.some((f) => f.id === item.movie?.id) && <option value={item.movie.id}>{item.movie.title}</option>}
          {films.map((film) => (
            <option key={film.id} value={film.id}>
              {film.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`Quality of ${item.relativePath}`}
          value={item.quality.quality.id}
          onChange={(e) => {
            const found = qualities.find((q) => q.id === Number(e.target.value));
            if (found) onChange({ quality: { quality: found, revision: item.quality.revision ?? { version: 1, real: 0 } } });
          }}
        >
          {!qualities.some((q) => q.id === item.quality.quality.id) && <option value={item.quality.quality.id}>{item.quality.quality.name}</option>}
          {qualities.map((quality) => (
            <option key={quality.id} value={quality.id}>
              {quality.name}
            </option>
          ))}
        </select>
      </td>
      <td>{item.releaseGroup || "—"}</td>
      <td>{formatBytes(item.size)}</td>
      <td>
        {item.rejections.length === 0 ? (
          <span className="badge badge--ok">Importable</span>
        ) : (
          <ul className="queue-messages" aria-label={`Rejections of ${item.relativePath}`}>
            {item.rejections.map((r) => (
              <li key={r.reason}>{r.reason}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/**
 * Radarr's manual import: the video files of a download (or a folder), each with the film it seems to
 * be, its quality and why it would be refused; the person fixes the film or quality, picks the files
 * and imports them, moved or copied.
 */
export function ManualImportDialog({ source, what, onClose }: ManualImportDialogProps) {
  const client = useQueryClient();
  const found = useManualImportItems(source);
  const movies = useMovies();
  const definitions = useQualityDefinitions();
  const reprocess = useReprocessItem();
  const [items, setItems] = useState<ManualImportItem[] | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [mode, setMode] = useState<ImportMode>("downloadId" in source ? "auto" : "move");
  const run = useCommandRun((command) => {
    if (command.status === "completed") {
      void client.invalidateQueries({ queryKey: activityKeys.queue });
      void client.invalidateQueries({ queryKey: activityKeys.history });
      void found.refetch();
    }
  });

  useEffect(() => {
    if (found.data) {
      setItems(found.data);
      setChosen(initiallyChosen(found.data));
    }
  }, [found.data]);

  const films = useMemo(
    () => (movies.data ?? []).map((m) => ({ id: m.id, label: `${m.title}${m.year ? ` (${m.year})` : ""}` })).sort((a, b) => a.label.localeCompare(b.label)),
    [movies.data],
  );
  const qualities = useMemo(
    () => (definitions.data ?? []).map((d) => d.quality).filter((q) => q.id !== 0),
    [definitions.data],
  );

  const change = (item: ManualImportItem, changes: Partial<ManualImportItem>) => {
    const edited = { ...item, ...changes };
    setItems((current) => current?.map((i) => (i.id === item.id ? edited : i)) ?? null);
    if (!canImport(edited)) {
      setChosen((s) => toggled(s, item.id, false));
      return;
    }
    reprocess.mutate(edited, {
      onSuccess: (judged) => {
        if (!judged) return;
        setItems((current) => current?.map((i) => (i.id === item.id ? { ...edited, movie: judged.movie ?? edited.movie, rejections: judged.rejections, customFormats: judged.customFormats } : i)) ?? null);
        setChosen((s) => toggled(s, item.id, true));
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (items) run.start(manualImportCommand(items, chosen, mode));
  };
  const count = items?.filter((i) => chosen.has(i.id) && canImport(i)).length ?? 0;
  const title = `Manual Import - ${what}`;

  return (
    <Dialog title={title} open onClose={onClose} wide>
      <form className="form manual-import" onSubmit={onSubmit} aria-label={title} aria-busy={run.busy}>
        {found.isPending && <Loading what="the files" />}
        {found.isError && <ErrorMessage error={found.error} title="The files could not be listed" />}
        {items && items.length === 0 && <p className="muted">No video files were found.</p>}
        {items && items.length > 0 && (
          <div className="table-wrap">
            <table className="table" aria-label="Files to import">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Import</span>
                  </th>
                  <th scope="col">File</th>
                  <th scope="col">Movie</th>
                  <th scope="col">Quality</th>
                  <th scope="col">Release group</th>
                  <th scope="col">Size</th>
                  <th scope="col">Rejections</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <FileRow
                    key={item.id}
                    item={item}
                    chosen={chosen.has(item.id)}
                    films={films}
                    qualities={qualities}
                    onChoose={(on) => setChosen((s) => toggled(s, item.id, on))}
                    onChange={(changes) => change(item, changes)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {reprocess.isError && <ErrorMessage error={reprocess.error} title="The file could not be judged again" />}
        <SelectField label="Import mode" value={mode} onChange={(e) => setMode(e.target.value as ImportMode)}>
          {"downloadId" in source && <option value="auto">As the download client's downloads are (move or copy)</option>}
          <option value="move">Move files</option>
          <option value="copy">Hardlink/Copy files</option>
        </SelectField>
        <CommandOutcome command={run.command} startError={run.startError} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
          <button type="submit" className="button button--primary" disabled={run.busy || count === 0}>
            {run.busy ? "Importing…" : `Import${count > 0 ? ` (${count})` : ""}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
