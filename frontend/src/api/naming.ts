// The naming settings (Settings → Media management) and the examples of the names they give.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";

export type ColonReplacementFormat = "delete" | "dash" | "spaceDash" | "spaceDashSpace" | "smart";

export interface NamingConfig {
  id: number;
  renameMovies: boolean;
  replaceIllegalCharacters: boolean;
  colonReplacementFormat: ColonReplacementFormat;
  standardMovieFormat: string;
  movieFolderFormat: string;
}

/** The sample film's names; a format left empty has none. */
export interface NamingExamples {
  movieExample?: string;
  movieFolderExample?: string;
}

export const namingKeys = {
  config: ["config", "naming"] as const,
  examples: (config: NamingConfig) => ["config", "naming", "examples", config] as const,
};

export function useNamingConfig() {
  return useQuery({ queryKey: namingKeys.config, queryFn: ({ signal }) => apiGet<NamingConfig>("/config/naming", signal) });
}

export function useSaveNamingConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: NamingConfig) =>
      request<NamingConfig>(`${API_ROOT}/config/naming/${config.id}`, { method: "PUT", body: config }),
    onSuccess: (saved) => client.setQueryData(namingKeys.config, saved),
  });
}

/** The sample film named under settings not saved yet (the form as it stands). */
export function useNamingExamples(config: NamingConfig | null) {
  return useQuery({
    queryKey: namingKeys.examples(config ?? ({} as NamingConfig)),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams(
        Object.entries(config ?? {}).map(([name, value]) => [name, String(value)] as [string, string]),
      );
      return apiGet<NamingExamples>(`/config/naming/examples?${query.toString()}`, signal);
    },
    enabled: config !== null,
    // While the formats change, the last examples stay in view.
    placeholderData: keepPreviousData,
    retry: false,
  });
}
