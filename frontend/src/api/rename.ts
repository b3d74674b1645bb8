// What renaming a film's files would do (Radarr's /rename), for the Organize dialog.
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "./client";

/** One file whose name the naming settings would change; paths are within the film's folder. */
export interface RenamePreview {
  movieId: number;
  movieFileId: number;
  existingPath: string;
  newPath: string;
}

export const renameKeys = {
  preview: (movieId: number) => ["rename", movieId] as const,
};

export function useRenamePreview(movieId: number) {
  return useQuery({
    queryKey: renameKeys.preview(movieId),
    queryFn: ({ signal }) => apiGet<RenamePreview[]>(`/rename?movieId=${movieId}`, signal),
  });
}
