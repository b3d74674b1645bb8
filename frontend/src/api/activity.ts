// Activity: the queue (/queue), history (/history) and blocklist (/blocklist), Radarr's paged
// resources, and what can be done to their rows.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import type { Language, LibraryMovie } from "./types";

/** Radarr's PagingResource. */
export interface Paged<T> {
  page: number;
  pageSize: number;
  sortKey?: string;
  sortDirection?: "ascending" | "descending" | "default";
  totalRecords: number;
  records: T[];
}

export interface QualityModel {
  quality: { id: number; name: string; source?: string; resolution?: number };
  revision?: { version: number; real: number; isRepack?: boolean };
}

export interface FormatName {
  id: number;
  name: string;
}

export type TrackedDownloadState = "downloading" | "importBlocked" | "importPending" | "importing" | "imported" | "failedPending" | "failed" | "ignored";
export type TrackedDownloadStatus = "ok" | "warning" | "error";

/** Radarr's QueueResource. */
export interface QueueItem {
  id: number;
  movieId?: number;
  movie?: LibraryMovie;
  languages: Language[];
  quality: QualityModel;
  customFormats: FormatName[];
  customFormatScore?: number;
  size: number;
  title: string;
  sizeleft: number;
  timeleft?: string;
  estimatedCompletionTime?: string;
  added?: string;
  status: string;
  trackedDownloadStatus?: TrackedDownloadStatus;
  trackedDownloadState?: TrackedDownloadState;
  statusMessages: { title: string; messages: string[] }[];
  errorMessage?: string;
  downloadId?: string;
  protocol: "usenet" | "torrent" | "unknown";
  downloadClient?: string;
  indexer?: string;
  outputPath?: string;
}

/** Radarr's HistoryResource. */
export interface HistoryRecord {
  id: number;
  movieId: number;
  movie?: LibraryMovie;
  sourceTitle: string;
  languages: Language[];
  quality: QualityModel;
  customFormats: FormatName[];
  customFormatScore?: number;
  qualityCutoffNotMet?: boolean;
  date: string;
  downloadId?: string;
  eventType: string;
  data: Record<string, string | null>;
}

/** Radarr's BlocklistResource. */
export interface BlocklistItem {
  id: number;
  movieId: number;
  movie?: LibraryMovie;
  sourceTitle: string;
  languages: Language[];
  quality: QualityModel;
  customFormats: FormatName[];
  date: string;
  protocol?: string;
  indexer?: string;
  message?: string;
}

export interface PageRequest {
  page: number;
  pageSize: number;
  sortKey: string;
  sortDirection: "ascending" | "descending";
}

export const activityKeys = {
  queue: ["queue"] as const,
  queueStatus: ["queue", "status"] as const,
  history: ["history"] as const,
  blocklist: ["blocklist"] as const,
};

function pageQuery(request: PageRequest, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams({
    page: String(request.page),
    pageSize: String(request.pageSize),
    sortKey: request.sortKey,
    sortDirection: request.sortDirection,
  });
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return params.toString();
}

/** A page of the queue; `poll` while live messages cannot say when it changes. */
export function useQueue(request: PageRequest, includeUnknown: boolean, poll: boolean) {
  return useQuery({
    queryKey: [...activityKeys.queue, "page", request, includeUnknown] as const,
    queryFn: ({ signal }) =>
      apiGet<Paged<QueueItem>>(`/queue?${pageQuery(request, { includeMovie: "true", includeUnknownMovieItems: String(includeUnknown) })}`, signal),
    placeholderData: keepPreviousData,
    refetchInterval: poll ? 10_000 : false,
  });
}

/** What removing queue items does besides taking them off the queue. */
export interface RemoveOptions {
  removeFromClient: boolean;
  blocklist: boolean;
  skipRedownload: boolean;
}

export function removeQuery(options: RemoveOptions): string {
  return new URLSearchParams({
    removeFromClient: String(options.removeFromClient),
    blocklist: String(options.blocklist),
    skipRedownload: String(options.skipRedownload),
  }).toString();
}

/** Grab a release waiting out its delay now (POST /queue/grab/{id}), as Radarr's queue button does. */
export function useGrabFromQueue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<unknown>(`${API_ROOT}/queue/grab/${id}`, { method: "POST" }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: activityKeys.queue });
      void client.invalidateQueries({ queryKey: activityKeys.history });
    },
  });
}

/** Remove a row's queue item (DELETE /queue/{id}) or a selection (DELETE /queue/bulk {ids}), as Radarr does. */
export function useRemoveFromQueue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, options, bulk }: { ids: number[]; options: RemoveOptions; bulk: boolean }) =>
      !bulk && ids.length === 1
        ? request<unknown>(`${API_ROOT}/queue/${ids[0]}?${removeQuery(options)}`, { method: "DELETE" })
        : request<unknown>(`${API_ROOT}/queue/bulk?${removeQuery(options)}`, { method: "DELETE", body: { ids } }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: activityKeys.queue });
      void client.invalidateQueries({ queryKey: activityKeys.history });
      void client.invalidateQueries({ queryKey: activityKeys.blocklist });
    },
  });
}

export function useHistory(request: PageRequest, eventType: string | undefined) {
  return useQuery({
    queryKey: [...activityKeys.history, "page", request, eventType ?? null] as const,
    queryFn: ({ signal }) => apiGet<Paged<HistoryRecord>>(`/history?${pageQuery(request, { includeMovie: "true", eventType })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBlocklist(request: PageRequest) {
  return useQuery({
    queryKey: [...activityKeys.blocklist, "page", request] as const,
    queryFn: ({ signal }) => apiGet<Paged<BlocklistItem>>(`/blocklist?${pageQuery(request)}`, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Remove blocklist entries: one (DELETE /blocklist/{id}) or several (DELETE /blocklist/bulk {ids}). */
export function useRemoveFromBlocklist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) =>
      ids.length === 1
        ? request<unknown>(`${API_ROOT}/blocklist/${ids[0]}`, { method: "DELETE" })
        : request<unknown>(`${API_ROOT}/blocklist/bulk`, { method: "DELETE", body: { ids } }),
    onSettled: () => client.invalidateQueries({ queryKey: activityKeys.blocklist }),
  });
}
