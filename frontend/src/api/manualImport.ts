// Manual import (/manualimport): the files of a folder or of a tracked download offered for import by
// hand, each with the film it seems to be and why it would be refused; the edits a person makes are
// judged again (POST), and the chosen files imported by the ManualImport command.
import { useMutation, useQuery } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import type { FormatName, QualityModel } from "./activity";
import type { Language, LibraryMovie } from "./types";

/** Radarr's ManualImportResource. */
export interface ManualImportItem {
  id: number;
  path: string;
  relativePath: string;
  folderName?: string | null;
  name: string;
  size: number;
  movie?: LibraryMovie | null;
  quality: QualityModel;
  languages: Language[];
  releaseGroup: string;
  qualityWeight: number;
  downloadId?: string | null;
  customFormats: FormatName[];
  customFormatScore: number;
  indexerFlags: number;
  rejections: { reason: string; type: string }[];
}

/** Where the files are: a tracked download (by its id in the client) or a folder on this machine. */
export type ManualImportSource = { downloadId: string } | { folder: string };

export function manualImportQuery(source: ManualImportSource): string {
  const params = new URLSearchParams({ filterExistingFiles: "true" });
  if ("downloadId" in source) params.set("downloadId", source.downloadId);
  else params.set("folder", source.folder);
  return params.toString();
}

export function useManualImportItems(source: ManualImportSource) {
  return useQuery({
    queryKey: ["manualimport", source] as const,
    queryFn: ({ signal }) => apiGet<ManualImportItem[]>(`/manualimport?${manualImportQuery(source)}`, signal),
    retry: false,
    staleTime: 0,
  });
}

/** Judge one edited file again (its film or quality changed): the rejections it has now. */
export function useReprocessItem() {
  return useMutation({
    mutationFn: (item: ManualImportItem) =>
      request<ManualImportItem[]>(`${API_ROOT}/manualimport`, {
        method: "POST",
        body: [
          {
            id: item.id,
            path: item.path,
            movieId: item.movie?.id ?? 0,
            quality: item.quality,
            languages: item.languages,
            releaseGroup: item.releaseGroup,
            downloadId: item.downloadId ?? undefined,
            indexerFlags: item.indexerFlags,
            folderName: item.folderName ?? undefined,
          },
        ],
      }).then((answer) => answer[0]),
  });
}
