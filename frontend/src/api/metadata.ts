// Settings → Metadata: the metadata writers (/metadata, a provider family) and the options
// (/config/metadata: whose rating certificate films carry).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import type { Provider } from "./providers";

/** Radarr's MetadataResource: a writer of .nfo/.xml files and images beside each film. */
export interface MetadataProvider extends Provider {
  enable: boolean;
  presets?: MetadataProvider[];
}

/** Radarr's TMDbCountryCode as its API names it. */
export type CertificationCountry = "au" | "br" | "ca" | "fr" | "de" | "gb" | "in" | "ie" | "it" | "nz" | "ro" | "es" | "us";

/** Radarr's MetadataConfigResource. */
export interface MetadataConfig {
  id: number;
  certificationCountry: CertificationCountry;
}

/** The countries Radarr offers, in the order its options list them (the United States first). */
export const CERTIFICATION_COUNTRIES: { value: CertificationCountry; label: string }[] = [
  { value: "us", label: "United States" },
  { value: "au", label: "Australia" },
  { value: "br", label: "Brazil" },
  { value: "ca", label: "Canada" },
  { value: "fr", label: "France" },
  { value: "de", label: "Germany" },
  { value: "gb", label: "Great Britain" },
  { value: "in", label: "India" },
  { value: "ie", label: "Ireland" },
  { value: "it", label: "Italy" },
  { value: "nz", label: "New Zealand" },
  { value: "ro", label: "Romania" },
  { value: "es", label: "Spain" },
];

const configKey = ["config", "metadata"] as const;

export function useMetadataConfig() {
  return useQuery({ queryKey: configKey, queryFn: ({ signal }) => apiGet<MetadataConfig>("/config/metadata", signal) });
}

export function useSaveMetadataConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: MetadataConfig) => request<MetadataConfig>(`${API_ROOT}/config/metadata/${config.id || 1}`, { method: "PUT", body: config }),
    onSuccess: (saved) => client.setQueryData(configKey, saved),
  });
}
