// Settings → Import Lists: the lists (/importlist, a provider family), their options
// (/config/importlist) and what a sync's clean-up would do (/importlist/cleanup/preview).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import type { Provider } from "./providers";

export type MonitorType = "movieOnly" | "movieAndCollection" | "none";
export type MinimumAvailability = "tba" | "announced" | "inCinemas" | "released";
export type ListSyncLevel = "disabled" | "logOnly" | "keepAndUnmonitor" | "removeAndKeep" | "removeAndDelete";

/** Radarr's ImportListResource. */
export interface ImportList extends Provider {
  enabled: boolean;
  enableAuto: boolean;
  monitor: MonitorType;
  minimumAvailability: MinimumAvailability;
  qualityProfileId: number;
  rootFolderPath: string;
  searchOnAdd: boolean;
  listType: string;
  listOrder: number;
  minRefreshInterval: string;
  presets?: ImportList[];
}

/** Radarr's ImportListConfigResource, with Sonarr's listSyncTag. */
export interface ImportListConfig {
  id: number;
  listSyncLevel: ListSyncLevel;
  listSyncTag: number;
}

/** Reelarr's preview of a sync's clean-up. */
export interface CleanupPreview {
  listSyncLevel: ListSyncLevel;
  willAct: boolean;
  heldReason?: string;
  movies: { movieId: number; tmdbId: number; title: string; year: number; action: ListSyncLevel }[];
}

export const importListKeys = {
  config: ["config", "importlist"] as const,
  preview: ["importlist", "cleanup", "preview"] as const,
};

export function useImportListConfig() {
  return useQuery({ queryKey: importListKeys.config, queryFn: ({ signal }) => apiGet<ImportListConfig>("/config/importlist", signal) });
}

export function useSaveImportListConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: ImportListConfig) => request<ImportListConfig>(`${API_ROOT}/config/importlist`, { method: "PUT", body: config }),
    onSuccess: (saved) => {
      client.setQueryData(importListKeys.config, saved);
      void client.invalidateQueries({ queryKey: importListKeys.preview });
    },
  });
}

export function useCleanupPreview(enabled: boolean) {
  return useQuery({
    queryKey: importListKeys.preview,
    queryFn: ({ signal }) => apiGet<CleanupPreview>("/importlist/cleanup/preview", signal),
    enabled,
  });
}
