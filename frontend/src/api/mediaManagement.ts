// Settings → Media Management's file management options (/config/mediamanagement).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";

export type PropersAndRepacks = "preferAndUpgrade" | "doNotUpgrade" | "doNotPrefer";
export type FileDate = "none" | "cinemas" | "release";
export type RescanAfterRefresh = "always" | "afterManual" | "never";

/** Radarr's MediaManagementConfigResource. */
export interface MediaManagementConfig {
  id: number;
  autoUnmonitorPreviouslyDownloadedMovies: boolean;
  recycleBin: string;
  recycleBinCleanupDays: number;
  downloadPropersAndRepacks: PropersAndRepacks;
  createEmptyMovieFolders: boolean;
  deleteEmptyFolders: boolean;
  fileDate: FileDate;
  rescanAfterRefresh: RescanAfterRefresh;
  autoRenameFolders: boolean;
  pathsDefaultStatic: boolean;
  setPermissionsLinux: boolean;
  chmodFolder: string;
  chownGroup: string;
  skipFreeSpaceCheckWhenImporting: boolean;
  minimumFreeSpaceWhenImporting: number;
  copyUsingHardlinks: boolean;
  useScriptImport: boolean;
  scriptImportPath: string;
  importExtraFiles: boolean;
  extraFileExtensions: string;
  enableMediaInfo: boolean;
}

export const mediaManagementKeys = { config: ["config", "mediamanagement"] as const };

export function useMediaManagementConfig() {
  return useQuery({
    queryKey: mediaManagementKeys.config,
    queryFn: ({ signal }) => apiGet<MediaManagementConfig>("/config/mediamanagement", signal),
  });
}

export function useSaveMediaManagementConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: MediaManagementConfig) =>
      request<MediaManagementConfig>(`${API_ROOT}/config/mediamanagement/${config.id || 1}`, { method: "PUT", body: config }),
    onSuccess: (saved) => client.setQueryData(mediaManagementKeys.config, saved),
  });
}
