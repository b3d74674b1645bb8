// Server state of the library import page: suggestions for a root folder's unmapped folders, and the import.
import { useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { batchesOf, SUGGESTION_BATCH_SIZE, suggestionsQuery } from "../lib/libraryImport";
import { API_ROOT, apiGet, request } from "./client";
import { libraryKeys, upsertMovie } from "./library";
import type { ImportMovieBody, ImportOutcome, ImportSuggestion, RootFolder } from "./types";

// Not under ["movie"]: a library-wide refresh invalidates that, and must not ask TMDB about every folder again.
export const importKeys = {
  all: ["importSuggestions"] as const,
  rootFolder: (rootFolderId: number) => ["importSuggestions", rootFolderId] as const,
  batch: (rootFolderId: number, folders: readonly string[]) => ["importSuggestions", rootFolderId, folders] as const,
};

/** Batches asked for at once: the page fills in steadily without taking every connection the browser has. */
const IN_FLIGHT = 2;
/** Past this many added movies, refetching the whole library is cheaper than one request each. */
const REFETCH_ALL_AFTER = 25;

/**
 * The root folders, fetched again whenever the page opens: the folders to import are read from
 * them (`isFetchedAfterMount` says the list is the one on disk now, not one from minutes ago).
 */
export function useFreshRootFolders() {
  return useQuery({
    queryKey: libraryKeys.rootFolders,
    queryFn: ({ signal }) => apiGet<RootFolder[]>("/rootfolder", signal),
    refetchOnMount: "always",
  });
}

export interface SuggestionBatch {
  folders: string[];
  error: Error | null;
  isFetching: boolean;
  retry: () => void;
}

export interface ImportSuggestions {
  /** The suggestions that arrived so far, by folder name. */
  byFolder: Map<string, ImportSuggestion>;
  /** Folders answered for (or given up on), of all of them. */
  done: number;
  total: number;
  batches: SuggestionBatch[];
}

/**
 * Suggestions for the named folders of a root folder, asked for a batch at a time (a couple of
 * batches in flight), so a root folder with hundreds of folders shows its first rows at once and
 * its progress after that. Answers are kept for the page's life: a suggestion only changes when
 * the folders do (`invalidate` when they did).
 */
export function useImportSuggestions(rootFolderId: number, folders: readonly string[]): ImportSuggestions {
  const client = useQueryClient();
  const batches = useMemo(() => batchesOf(folders, SUGGESTION_BATCH_SIZE), [folders]);
  let unfinishedBefore = 0;
  const queries = batches.map((batch) => {
    const queryKey = importKeys.batch(rootFolderId, batch);
    const enabled = unfinishedBefore < IN_FLIGHT;
    const status = client.getQueryState(queryKey)?.status;
    if (status !== "success" && status !== "error") unfinishedBefore += 1;
    return {
      queryKey,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet<ImportSuggestion[]>(`/movie/import/suggestions?${suggestionsQuery(rootFolderId, batch)}`, signal),
      enabled,
      staleTime: Infinity,
      gcTime: 30 * 60_000,
      refetchOnWindowFocus: false,
    };
  });
  const results = useQueries({ queries });

  const byFolder = new Map<string, ImportSuggestion>();
  let done = 0;
  const states = results.map((result, index) => {
    const batch = batches[index] ?? [];
    for (const suggestion of result.data ?? []) byFolder.set(suggestion.folder, suggestion);
    if (result.data || result.isError) done += batch.length;
    return {
      folders: batch,
      error: result.data ? null : result.error,
      isFetching: result.isFetching,
      retry: () => void result.refetch(),
    };
  });
  return { byFolder, done, total: folders.length, batches: states };
}

/** Forget a root folder's suggestions (the folders changed on disk). */
export function forgetSuggestions(client: QueryClient, rootFolderId: number): void {
  client.removeQueries({ queryKey: importKeys.rootFolder(rootFolderId) });
}

/** POST /movie/import: add the confirmed films in their folders; the answer is the movies added and those skipped. */
export function useImportMovies() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportMovieBody[]) =>
      request<ImportOutcome>(`${API_ROOT}/movie/import?includeSkipped=true`, { method: "POST", body }),
    onSuccess: ({ added: movies }) => {
      if (movies.length > REFETCH_ALL_AFTER) {
        void client.invalidateQueries({ queryKey: libraryKeys.movies });
        void client.invalidateQueries({ queryKey: libraryKeys.calendar });
      } else {
        for (const movie of movies) upsertMovie(client, movie);
      }
      // Their folders are no longer unmapped.
      void client.invalidateQueries({ queryKey: libraryKeys.rootFolders });
    },
  });
}
