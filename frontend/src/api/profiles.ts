// Delay and release profiles (Settings → Profiles, under the quality profiles): resources and server state.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import { libraryKeys } from "./library";
import type { Protocol } from "./providers";

/** How long to wait for a better release, per protocol; the global profile (id 1) has no tags and comes last. */
export interface DelayProfile {
  id: number;
  enableUsenet: boolean;
  enableTorrent: boolean;
  preferredProtocol: Protocol;
  /** Minutes. */
  usenetDelay: number;
  torrentDelay: number;
  bypassIfHighestQuality: boolean;
  bypassIfAboveCustomFormatScore: boolean;
  minimumCustomFormatScore: number;
  order: number;
  tags: number[];
}

/** Terms a release must (`required`) or must not (`ignored`) contain; `/regex/` terms are patterns. */
export interface ReleaseProfile {
  id: number;
  name?: string;
  enabled: boolean;
  required: string[];
  ignored: string[];
  /** 0: every indexer. */
  indexerId: number;
  tags: number[];
}

export const profileKeys = {
  delay: ["delayprofile"] as const,
  release: ["releaseprofile"] as const,
};

function useInvalidating<T, R>(key: readonly string[], mutationFn: (value: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key });
      // Tags' usage lists name the profiles.
      void client.invalidateQueries({ queryKey: libraryKeys.tags });
    },
  });
}

export function useDelayProfiles() {
  return useQuery({ queryKey: profileKeys.delay, queryFn: ({ signal }) => apiGet<DelayProfile[]>("/delayprofile", signal) });
}

export function useSaveDelayProfile() {
  return useInvalidating(profileKeys.delay, (profile: DelayProfile) =>
    profile.id
      ? request<DelayProfile>(`${API_ROOT}/delayprofile/${profile.id}`, { method: "PUT", body: profile })
      : request<DelayProfile>(`${API_ROOT}/delayprofile`, { method: "POST", body: profile }),
  );
}

export function useDeleteDelayProfile() {
  return useInvalidating(profileKeys.delay, (id: number) => request<unknown>(`${API_ROOT}/delayprofile/${id}`, { method: "DELETE" }));
}

/** Place a profile right after another (`after` null: first); the server answers the new order. */
export function useReorderDelayProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, after }: { id: number; after: number | null }) =>
      request<DelayProfile[]>(`${API_ROOT}/delayprofile/reorder/${id}${after === null ? "" : `?after=${after}`}`, { method: "PUT" }),
    onSuccess: (profiles) => client.setQueryData(profileKeys.delay, profiles),
  });
}

export function useReleaseProfiles() {
  return useQuery({ queryKey: profileKeys.release, queryFn: ({ signal }) => apiGet<ReleaseProfile[]>("/releaseprofile", signal) });
}

export function useSaveReleaseProfile() {
  return useInvalidating(profileKeys.release, (profile: ReleaseProfile) =>
    profile.id
      ? request<ReleaseProfile>(`${API_ROOT}/releaseprofile/${profile.id}`, { method: "PUT", body: profile })
      : request<ReleaseProfile>(`${API_ROOT}/releaseprofile`, { method: "POST", body: profile }),
  );
}

export function useDeleteReleaseProfile() {
  return useInvalidating(profileKeys.release, (id: number) => request<unknown>(`${API_ROOT}/releaseprofile/${id}`, { method: "DELETE" }));
}
