// Providers (Radarr's ProviderResource: indexers now, download clients and notifications later) and
// the indexer options: their resources and their server state.
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

export const indexerKeys = {
  list: keys.indexers,
  schema: ["indexer", "schema"] as const,
  options: (action: string, signature: string) => ["indexer", "action", action, signature] as const,
  config: ["config", "indexer"] as const,
};

export function useIndexers() {
  return useQuery({ queryKey: indexerKeys.list, queryFn: ({ signal }) => apiGet<Indexer[]>("/indexer", signal) });
}

/** Every implementation with its blank settings and presets (what "Add indexer" offers). */
export function useIndexerSchema(enabled: boolean) {
  return useQuery({
    queryKey: indexerKeys.schema,
    queryFn: ({ signal }) => apiGet<Indexer[]>("/indexer/schema", signal),
    enabled,
    staleTime: Infinity,
  });
}

/** Create (id 0) or replace an indexer; `forceSave` keeps it although its test or rules fail. */
export function useSaveIndexer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ indexer, forceSave }: { indexer: Indexer; forceSave: boolean }) => {
      const query = forceSave ? "?forceSave=true" : "";
      return indexer.id
        ? request<Indexer>(`${API_ROOT}/indexer/${indexer.id}${query}`, { method: "PUT", body: indexer })
        : request<Indexer>(`${API_ROOT}/indexer${query}`, { method: "POST", body: indexer });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: indexerKeys.list, exact: true }),
  });
}

export function useDeleteIndexer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<unknown>(`${API_ROOT}/indexer/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: indexerKeys.list, exact: true }),
  });
}

/** Test an indexer as the form holds it (saved or not); a 400 says what failed. */
export function useTestIndexer() {
  return useMutation({
    mutationFn: (indexer: Indexer) => request<unknown>(`${API_ROOT}/indexer/test`, { method: "POST", body: indexer }),
  });
}

export interface TestAllResult {
  id: number;
  isValid: boolean;
  validationFailures: { propertyName: string; errorMessage: string }[];
}

/** Test every enabled indexer; the server answers 400 with the same list when one fails. */
export function useTestAllIndexers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        return await request<TestAllResult[]>(`${API_ROOT}/indexer/testall`, { method: "POST" });
      } catch (error) {
        const body = (error as { body?: unknown }).body;
        if (Array.isArray(body) && body.every((r) => typeof r?.isValid === "boolean")) return body as TestAllResult[];
        throw error;
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: indexerKeys.list, exact: true }),
  });
}

/**
 * The options a provider action lists for a field (a Newznab site's categories), asked with the
 * settings as the form holds them; `signature` names what they depend on, for the cache.
 */
export function useProviderFieldOptions(action: string | undefined, provider: Indexer, signature: string) {
  return useQuery({
    queryKey: indexerKeys.options(action ?? "", signature),
    queryFn: ({ signal }) =>
      request<{ options?: SelectOption[] }>(`${API_ROOT}/indexer/action/${action}`, {
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
