// Settings → Download Clients beside the clients themselves (providers.ts): completed and failed
// download handling (/config/downloadclient) and remote path mappings (/remotepathmapping).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";

/** Radarr's DownloadClientConfigResource. */
export interface DownloadClientConfig {
  id: number;
  downloadClientWorkingFolders: string;
  enableCompletedDownloadHandling: boolean;
  checkForFinishedDownloadInterval: number;
  autoRedownloadFailed: boolean;
  autoRedownloadFailedFromInteractiveSearch: boolean;
}

/** Radarr's RemotePathMappingResource: a client's folder (on `host`) and the same folder here. */
export interface RemotePathMapping {
  id: number;
  host: string;
  remotePath: string;
  localPath: string;
}

export const downloadClientKeys = {
  config: ["config", "downloadclient"] as const,
  mappings: ["remotepathmapping"] as const,
};

export function useDownloadClientConfig() {
  return useQuery({
    queryKey: downloadClientKeys.config,
    queryFn: ({ signal }) => apiGet<DownloadClientConfig>("/config/downloadclient", signal),
  });
}

export function useSaveDownloadClientConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: DownloadClientConfig) =>
      request<DownloadClientConfig>(`${API_ROOT}/config/downloadclient/${config.id || 1}`, { method: "PUT", body: config }),
    onSuccess: (saved) => client.setQueryData(downloadClientKeys.config, saved),
  });
}

export function useRemotePathMappings() {
  return useQuery({
    queryKey: downloadClientKeys.mappings,
    queryFn: ({ signal }) => apiGet<RemotePathMapping[]>("/remotepathmapping", signal),
  });
}

/** Add (id 0) or change a mapping; a 400 names what is wrong (a missing local folder, a duplicate). */
export function useSaveRemotePathMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mapping: RemotePathMapping) =>
      mapping.id
        ? request<RemotePathMapping>(`${API_ROOT}/remotepathmapping/${mapping.id}`, { method: "PUT", body: mapping })
        : request<RemotePathMapping>(`${API_ROOT}/remotepathmapping`, { method: "POST", body: mapping }),
    onSuccess: () => client.invalidateQueries({ queryKey: downloadClientKeys.mappings }),
  });
}

export function useDeleteRemotePathMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<unknown>(`${API_ROOT}/remotepathmapping/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: downloadClientKeys.mappings }),
  });
}
