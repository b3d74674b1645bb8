// Pure helpers of the manual import dialog: which rows may be imported and what the command is told.
import type { ManualImportItem } from "../api/manualImport";

export type ImportMode = "auto" | "move" | "copy";

/** A row can be imported once it has a film and a known quality (rejections are the person's call). */
export function canImport(item: ManualImportItem): boolean {
  return Boolean(item.movie) && item.quality.quality.id !== 0;
}

/** The rows chosen at first: those the import rules would take. */
export function initiallyChosen(items: readonly ManualImportItem[]): Set<number> {
  return new Set(items.filter((i) => canImport(i) && i.rejections.length === 0).map((i) => i.id));
}

/** The ManualImport command's body for the chosen rows. */
export function manualImportCommand(items: readonly ManualImportItem[], chosen: ReadonlySet<number>, importMode: ImportMode) {
  return {
    name: "ManualImport",
    importMode,
    files: items
      .filter((i) => chosen.has(i.id) && canImport(i))
      .map((i) => ({
        path: i.path,
        movieId: i.movie?.id,
        quality: i.quality,
        languages: i.languages,
        releaseGroup: i.releaseGroup || undefined,
        downloadId: i.downloadId ?? undefined,
        indexerFlags: i.indexerFlags,
        folderName: i.folderName ?? undefined,
      })),
  };
}
