// Custom formats: their resources and server state.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import { libraryKeys } from "./library";
import type { ProviderField } from "./providers";

/** A condition of a custom format (Radarr's CustomFormatSpecificationSchema). */
export interface Specification {
  name: string;
  implementation: string;
  implementationName: string;
  infoLink?: string;
  negate: boolean;
  required: boolean;
  fields: ProviderField[];
  presets?: Specification[];
}

export interface CustomFormat {
  id: number;
  name: string;
  includeCustomFormatWhenRenaming?: boolean;
  specifications: Specification[];
}

export const formatKeys = {
  list: ["customformat"] as const,
  schema: ["customformat", "schema"] as const,
};

export function useCustomFormats() {
  return useQuery({ queryKey: formatKeys.list, queryFn: ({ signal }) => apiGet<CustomFormat[]>("/customformat", signal) });
}

/** Every condition type with its blank fields. */
export function useCustomFormatSchema(enabled = true) {
  return useQuery({
    queryKey: formatKeys.schema,
    queryFn: ({ signal }) => apiGet<Specification[]>("/customformat/schema", signal),
    enabled,
    staleTime: Infinity,
  });
}

/** A format's change also changes every quality profile's list of format scores. */
function invalidate(client: ReturnType<typeof useQueryClient>) {
  void client.invalidateQueries({ queryKey: formatKeys.list });
  void client.invalidateQueries({ queryKey: libraryKeys.qualityProfiles, exact: true });
}

export function useSaveCustomFormat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (format: { id: number }) =>
      format.id
        ? request<CustomFormat>(`${API_ROOT}/customformat/${format.id}`, { method: "PUT", body: format })
        : request<CustomFormat>(`${API_ROOT}/customformat`, { method: "POST", body: format }),
    onSuccess: () => invalidate(client),
  });
}

export function useDeleteCustomFormat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<unknown>(`${API_ROOT}/customformat/${id}`, { method: "DELETE" }),
    onSuccess: () => invalidate(client),
  });
}
