// Settings → General (/config/host), Settings → UI (/config/ui), System → Updates (/update), restart and shutdown.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

/** Radarr's HostConfigResource, as Reelarr answers it (fixed fields left out), plus pendingRestart. */
export interface HostConfig {
  id: number;
  bindAddress: string;
  port: number;
  urlBase: string;
  instanceName: string;
  applicationUrl: string;
  enableSsl: boolean;
  sslPort: number;
  sslCertPath: string;
  sslCertPassword: string;
  authenticationMethod: string;
  authenticationRequired: string;
  username: string;
  password: string;
  passwordConfirmation: string;
  apiKey?: string;
  logLevel: LogLevel;
  consoleLogLevel: LogLevel | "";
  backupFolder: string;
  backupInterval: number;
  backupRetention: number;
  /** The saved options that take effect at the next start (camelCase names). */
  pendingRestart: string[];
}

export type Theme = "auto" | "dark" | "light";

/** Radarr's UiConfigResource. */
export interface UiConfig {
  id: number;
  firstDayOfWeek: 0 | 1;
  shortDateFormat: string;
  longDateFormat: string;
  timeFormat: string;
  showRelativeDates: boolean;
  theme: Theme;
  /** The language TMDB is asked for titles and overviews in (a Radarr language id). */
  movieInfoLanguage: number;
}

/** Radarr's UpdateResource for the running version. */
export interface UpdateInfo {
  version: string;
  branch: string;
  releaseDate: string;
  installed: boolean;
  latest: boolean;
  upgradeInstructions: string;
}

export const generalKeys = {
  host: ["config", "host"] as const,
  ui: ["config", "ui"] as const,
  updates: ["update"] as const,
};

export function useHostConfig() {
  return useQuery({ queryKey: generalKeys.host, queryFn: ({ signal }) => apiGet<HostConfig>("/config/host", signal) });
}

export function useSaveHostConfig() {
  const client = useQueryClient();
  return useMutation({
    // The API key is left out: it changes through its own Regenerate button, never by a stale draft.
    mutationFn: ({ apiKey: _apiKey, ...config }: HostConfig) =>
      request<HostConfig>(`${API_ROOT}/config/host/${config.id || 1}`, { method: "PUT", body: config }),
    onSuccess: (saved) => {
      client.setQueryData(generalKeys.host, saved);
      void client.invalidateQueries({ queryKey: ["initialize"] });
    },
  });
}

export function useUiConfig() {
  return useQuery({
    queryKey: generalKeys.ui,
    queryFn: ({ signal }) => apiGet<UiConfig>("/config/ui", signal),
    staleTime: 60_000,
  });
}

export function useSaveUiConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: UiConfig) => request<UiConfig>(`${API_ROOT}/config/ui/${config.id || 1}`, { method: "PUT", body: config }),
    onSuccess: (saved) => client.setQueryData(generalKeys.ui, saved),
  });
}

export function useUpdates() {
  return useQuery({ queryKey: generalKeys.updates, queryFn: ({ signal }) => apiGet<UpdateInfo[]>("/update", signal) });
}

/** POST /system/restart or /system/shutdown. */
export function useStopServer() {
  return useMutation({
    mutationFn: (action: "restart" | "shutdown") => request<unknown>(`${API_ROOT}/system/${action}`, { method: "POST" }),
  });
}
