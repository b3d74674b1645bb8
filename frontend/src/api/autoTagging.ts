// Auto tagging rules (Settings → Tags): their resources and server state.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import { libraryKeys } from "./library";
import type { ProviderField } from "./providers";
import { settingsKeys } from "./settings";

/** A condition of a rule (Radarr's AutoTaggingSpecificationSchema). */
export interface AutoTagSpecification {
  name: string;
  implementation: string;
  implementationName: string;
  negate: boolean;
  required: boolean;
  fields: ProviderField[];
}

/** A rule (Radarr's AutoTaggingResource). */
export interface AutoTag {
  id: number;
  name: string;
  removeTagsAutomatically: boolean;
  tags: number[];
  specifications: AutoTagSpecification[];
}

export const autoTagKeys = {
  list: ["autotagging"] as const,
  schema: ["autotagging", "schema"] as const,
};

export function useAutoTags() {
  return useQuery({ queryKey: autoTagKeys.list, queryFn: ({ signal }) => apiGet<AutoTag[]>("/autotagging", signal) });
}

/** Every condition type with its blank fields. */
export function useAutoTagSchema() {
  return useQuery({
    queryKey: autoTagKeys.schema,
    queryFn: ({ signal }) => apiGet<AutoTagSpecification[]>("/autotagging/schema", signal),
    staleTime: Infinity,
  });
}

/** A rule's change also changes what uses each tag; films are tagged when next added, edited or refreshed. */
function invalidate(client: ReturnType<typeof useQueryClient>) {
  void client.invalidateQueries({ queryKey: autoTagKeys.list });
  void client.invalidateQueries({ queryKey: settingsKeys.tagDetails });
  void client.invalidateQueries({ queryKey: libraryKeys.tags });
}

export function useSaveAutoTag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rule: Omit<AutoTag, "specifications"> & { specifications: unknown[] }) =>
      rule.id
        ? request<AutoTag>(`${API_ROOT}/autotagging/${rule.id}`, { method: "PUT", body: rule })
        : request<AutoTag>(`${API_ROOT}/autotagging`, { method: "POST", body: rule }),
    onSuccess: () => invalidate(client),
  });
}

export function useDeleteAutoTag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<unknown>(`${API_ROOT}/autotagging/${id}`, { method: "DELETE" }),
    onSuccess: () => invalidate(client),
  });
}
