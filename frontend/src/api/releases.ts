// Releases: a film's interactive search, and the kept decisions about the releases seen for it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { activityKeys } from "./activity";
import { API_ROOT, apiGet, request, requestWithHeaders } from "./client";
import type { Protocol } from "./providers";
import type { Language, QualityInfo } from "./types";
import { parseIndexerErrors, type IndexerError } from "../lib/releases";

/** Radarr's ReleaseResource (what the table reads of it). */
export interface Release {
  guid: string;
  title: string;
  quality: { quality: QualityInfo; revision?: { version: number; real: number; isRepack?: boolean } };
  qualityWeight: number;
  customFormats: { id: number; name: string }[];
  customFormatScore: number;
  age: number;
  ageHours: number;
  ageMinutes: number;
  size: number;
  indexerId: number;
  indexer?: string;
  releaseGroup?: string;
  languages: Language[];
  approved: boolean;
  temporarilyRejected: boolean;
  rejected: boolean;
  rejections: string[];
  publishDate?: string;
  infoUrl?: string;
  commentUrl?: string;
  downloadAllowed: boolean;
  releaseWeight: number;
  seeders?: number;
  leechers?: number;
  protocol: Protocol | "unknown";
  indexerFlags?: string[];
  edition?: string;
}

export interface InteractiveSearch {
  releases: Release[];
  /** Indexers that failed during the search (the answer's X-Indexer-Errors header). */
  failures: IndexerError[];
}

/** One reason against a release: Radarr's reason name, the message, permanent or temporary. */
export interface RejectionReason {
  reason: string;
  message: string;
  type: "permanent" | "temporary";
}

export type DecisionOutcome = "chosen" | "pending" | "superseded" | "grabbed" | "downloadClientUnavailable";
export type DecisionSource = "rss" | "search" | "userInvokedSearch" | "interactiveSearch" | "releasePush";

/** Reelarr's kept decision about a release for a film (GET /release/decision). */
export interface ReleaseDecision {
  id: number;
  movieId: number;
  title: string;
  guid: string;
  indexerId: number;
  indexer: string;
  protocol: string;
  quality: string;
  size: number;
  ageMinutes: number;
  customFormatScore: number;
  customFormats: string[];
  approved: boolean;
  temporarilyRejected: boolean;
  rejections: string[];
  rejectionReasons: RejectionReason[];
  source: DecisionSource;
  outcome?: DecisionOutcome;
  /** Why a chosen release was not grabbed (downloadClientUnavailable). */
  outcomeMessage?: string;
  decided: string;
  firstSeen?: string;
}

export const releaseKeys = {
  search: (movieId: number) => ["release", "search", movieId] as const,
  decisions: ["release", "decision"] as const,
  movieDecisions: (movieId: number) => ["release", "decision", movieId] as const,
};

/**
 * Search every indexer with interactive search for a film, now. It takes as long as the slowest
 * indexer; Search again asks anew.
 */
export function useInteractiveSearch(movieId: number, enabled: boolean) {
  return useQuery({
    queryKey: releaseKeys.search(movieId),
    queryFn: async ({ signal }): Promise<InteractiveSearch> => {
      const { body, headers } = await requestWithHeaders<Release[]>(`${API_ROOT}/release?movieId=${movieId}`, { signal });
      return { releases: body, failures: parseIndexerErrors(headers.get("X-Indexer-Errors")) };
    },
    enabled,
    // Reopened within five minutes, the dialog shows the same answer; a live search is never
    // repeated behind the user's back (window focus, reconnects).
    staleTime: 5 * 60_000,
    gcTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
}

export function useReleaseDecisions(movieId: number) {
  return useQuery({
    queryKey: releaseKeys.movieDecisions(movieId),
    queryFn: ({ signal }) => apiGet<ReleaseDecision[]>(`/release/decision?movieId=${movieId}`, signal),
  });
}

/**
 * Send a release of an interactive search to its download client (POST /release), as Radarr's grab
 * button does; the server answers 409 with its reason when no client takes it.
 */
export function useGrabRelease(movieId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (release: Pick<Release, "guid" | "indexerId">) =>
      request<unknown>(`${API_ROOT}/release`, { method: "POST", body: { guid: release.guid, indexerId: release.indexerId } }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: activityKeys.queue });
      void client.invalidateQueries({ queryKey: activityKeys.history });
      void client.invalidateQueries({ queryKey: releaseKeys.movieDecisions(movieId) });
    },
  });
}
