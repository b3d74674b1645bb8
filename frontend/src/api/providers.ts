// Providers (Radarr's ProviderResource: indexers, download clients; notifications later) and the
// indexer options: their resources and their server state.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import { keys } from "./queries";

/** One choice of a select field; `parentValue` puts it under another (a Newznab sub-category). */
export interface SelectOption {
  value: number | string;
  name: string;
  order?: number;
  hint?: string;
  parentValue?: number | string;
  dividerAfter?: boolean;
}

/** A form field of a provider's settings (or of a custom format condition): how to draw it, and its value. */
export interface ProviderField {
  order: number;
  name: string;
  label?: string;
  unit?: string;
  helpText?: string;
  helpTextWarning?: string;
  helpLink?: string;
  /** Absent when null (an unset seed ratio); a secret that is set reads "********". */
  value?: unknown;
  type?: string;
  advanced: boolean;
  selectOptions?: SelectOption[];
  /** The provider action that lists the options (`newznabCategories`) instead of `selectOptions`. */
  selectOptionsProviderAction?: string;
  section?: string;
  hidden?: string;
  privacy: string;
  placeholder?: string;
  isFloat: boolean;
}

/** Reelarr's: how a provider has been failing (absent while it works). */
export interface ProviderStatus {
  escalationLevel: number;
  initialFailure?: string;
  mostRecentFailure?: string;
  disabledTill?: string;
  lastError?: string;
}

export interface Provider {
  id: number;
  name: string;
  fields: ProviderField[];
  implementation: string;
  implementationName: string;
  configContract: string;
  infoLink?: string;
  message?: { message: string; type: string };
  tags: number[];
  presets?: Provider[];
  status?: ProviderStatus;
}

export type Protocol = "usenet" | "torrent";

export interface Indexer extends Provider {
  enableRss: boolean;
  enableAutomaticSearch: boolean;
  enableInteractiveSearch: boolean;
  supportsRss: boolean;
  supportsSearch: boolean;
  protocol: Protocol;
  priority: number;
  downloadClientId: number;
  /** Reelarr's: backlog searches allowed an hour (0: no limit). */
  queriesPerHour: number;
  presets?: Indexer[];
}

/** Radarr's DownloadClientResource. */
export interface DownloadClient extends Provider {
  enable: boolean;
  protocol: Protocol;
  priority: number;
  removeCompletedDownloads: boolean;
  removeFailedDownloads: boolean;
  presets?: DownloadClient[];
}

/** Radarr's indexer options (Settings → Indexers → Options). */
export interface IndexerConfig {
  id: number;
  minimumAge: number;
  maximumSize: number;
  retention: number;
  rssSyncInterval: number;
  preferIndexerFlags: boolean;
  availabilityDelay: number;
  allowHardcodedSubs: boolean;
  whitelistedHardcodedSubs: string;
}

/** Radarr's NotificationResource: a connection and the events it is told of. */
export interface Notification extends Provider {
  onGrab: boolean;
  onDownload: boolean;
  onUpgrade: boolean;
  onRename: boolean;
  onMovieAdded: boolean;
  onMovieDelete: boolean;
  onMovieFileDelete: boolean;
  onMovieFileDeleteForUpgrade: boolean;
  onHealthIssue: boolean;
  includeHealthWarnings: boolean;
  onHealthRestored: boolean;
  onApplicationUpdate: boolean;
  onManualInteractionRequired: boolean;
  supportsOnGrab: boolean;
  supportsOnDownload: boolean;
  supportsOnUpgrade: boolean;
  supportsOnRename: boolean;
  supportsOnMovieAdded: boolean;
  supportsOnMovieDelete: boolean;
  supportsOnMovieFileDelete: boolean;
  supportsOnMovieFileDeleteForUpgrade: boolean;
  supportsOnHealthIssue: boolean;
  supportsOnHealthRestored: boolean;
  supportsOnApplicationUpdate: boolean;
  supportsOnManualInteractionRequired: boolean;
  presets?: Notification[];
}

/** A provider family: where its API lives ("indexer", "downloadclient", "notification", "metadata"). */
export type ProviderFamily = "indexer" | "downloadclient" | "notification" | "importlist" | "metadata";

/** The cached state of a family: its list (`[family]`), its schema, its actions' options. */
export const providerKeys = (family: ProviderFamily) => ({
  list: [family] as const,
  schema: [family, "schema"] as const,
  options: (action: string, signature: string) => [family, "action", action, signature] as const,
});

export const indexerKeys = {
  ...providerKeys("indexer"),
  list: keys.indexers,
  config: ["config", "indexer"] as const,
};

export function useProviders<T extends Provider>(family: ProviderFamily) {
  return useQuery({ queryKey: providerKeys(family).list, queryFn: ({ signal }) => apiGet<T[]>(`/${family}`, signal) });
}

/** Every implementation with its blank settings and presets (what "Add ..." offers). */
export function useProviderSchema<T extends Provider>(family: ProviderFamily, enabled: boolean) {
  return useQuery({
    queryKey: providerKeys(family).schema,
    queryFn: ({ signal }) => apiGet<T[]>(`/${family}/schema`, signal),
    enabled,
    staleTime: Infinity,
  });
}

/** Create (id 0) or replace a provider; `forceSave` keeps it although its test or rules fail. */
export function useSaveProvider<T extends Provider>(family: ProviderFamily) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ provider, forceSave }: { provider: T; forceSave: boolean }) => {
      const query = forceSave ? "?forceSave=true" : "";
      return provider.id
        ? request<T>(`${API_ROOT}/${family}/${provider.id}${query}`, { method: "PUT", body: provider })
        : request<T>(`${API_ROOT}/${family}${query}`, { method: "POST", body: provider });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: providerKeys(family).list, exact: true }),
  });
}

export function useDeleteProvider(family: ProviderFamily) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<unknown>(`${API_ROOT}/${family}/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: providerKeys(family).list, exact: true }),
  });
}

/** Test a provider as the form holds it (saved or not); a 400 says what failed. */
export function useTestProvider<T extends Provider>(family: ProviderFamily) {
  return useMutation({
    mutationFn: (provider: T) => request<unknown>(`${API_ROOT}/${family}/test`, { method: "POST", body: provider }),
  });
}

export interface TestAllResult {
  id: number;
  isValid: boolean;
  validationFailures: { propertyName: string; errorMessage: string }[];
}

/** Test every enabled provider of a family; the server answers 400 with the same list when one fails. */
export function useTestAllProviders(family: ProviderFamily) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        return await request<TestAllResult[]>(`${API_ROOT}/${family}/testall`, { method: "POST" });
      } catch (error) {
        const body = (error as { body?: unknown }).body;
        if (Array.isArray(body) && body.every((r) => typeof r?.isValid === "boolean")) return body as TestAllResult[];
        throw error;
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: providerKeys(family).list, exact: true }),
  });
}

/**
 * The options a provider action lists for a field (a Newznab site's categories), asked with the
 * settings as the form holds them; `signature` names what they depend on, for the cache.
 */
export function useProviderFieldOptions(family: ProviderFamily, action: string | undefined, provider: Provider, signature: string) {
  return useQuery({
    queryKey: providerKeys(family).options(action ?? "", signature),
    queryFn: ({ signal }) =>
      request<{ options?: SelectOption[] }>(`${API_ROOT}/${family}/action/${action}`, {
        method: "POST",
        body: provider,
        signal,
      }),
    enabled: Boolean(action),
    // While the settings change, the options of the last ones stay in view.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/**
 * Run a provider action (`POST /{family}/action/{name}?query`) with the provider as the form holds
 * it, as Radarr's UI sends it: the sign-in of an `oAuth` field (`startDeviceCode`, `getDeviceToken`).
 */
export function runProviderAction(family: ProviderFamily, name: string, provider: Provider, query: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
  const search = new URLSearchParams(query).toString();
  return request<unknown>(`${API_ROOT}/${family}/action/${encodeURIComponent(name)}${search ? `?${search}` : ""}`, { method: "POST", body: provider, signal });
}

export const useIndexers = () => useProviders<Indexer>("indexer");

export function useIndexerConfig() {
  return useQuery({ queryKey: indexerKeys.config, queryFn: ({ signal }) => apiGet<IndexerConfig>("/config/indexer", signal) });
}

export function useSaveIndexerConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: IndexerConfig) => request<IndexerConfig>(`${API_ROOT}/config/indexer`, { method: "PUT", body: config }),
    onSuccess: (saved) => client.setQueryData(indexerKeys.config, saved),
  });
}
