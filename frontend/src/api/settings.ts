// Server state of the settings pages (quality profiles, quality sizes, tags) and the library's
// mass editor.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import { libraryKeys, removeMovie, upsertMovie } from "./library";
import type { Language, LibraryMovie, MinimumAvailability, QualityDefinition, QualityProfile, TagDetails } from "./types";

export const settingsKeys = {
  profileSchema: ["qualityprofile", "schema"] as const,
  definitions: ["qualitydefinition"] as const,
  tagDetails: ["tag", "detail"] as const,
  languages: ["language"] as const,
};

// --- Quality profiles ------------------------------------------------------------------------

/** A blank profile listing every quality, as a new one starts. */
export function useQualityProfileSchema(enabled: boolean) {
  return useQuery({
    queryKey: settingsKeys.profileSchema,
    queryFn: ({ signal }) => apiGet<QualityProfile>("/qualityprofile/schema", signal),
    enabled,
    staleTime: Infinity,
  });
}

/** Create (id 0) or replace a profile. */
export function useSaveQualityProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: QualityProfile) =>
      profile.id
        ? request<QualityProfile>(`${API_ROOT}/qualityprofile/${profile.id}`, { method: "PUT", body: profile })
        : request<QualityProfile>(`${API_ROOT}/qualityprofile`, { method: "POST", body: profile }),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.qualityProfiles, exact: true }),
  });
}

export function useDeleteQualityProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<unknown>(`${API_ROOT}/qualityprofile/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.qualityProfiles, exact: true }),
  });
}

export function useLanguages() {
  return useQuery({
    queryKey: settingsKeys.languages,
    queryFn: ({ signal }) => apiGet<Language[]>("/language", signal),
    staleTime: Infinity,
  });
}

// --- Quality sizes ---------------------------------------------------------------------------

export function useQualityDefinitions() {
  return useQuery({
    queryKey: settingsKeys.definitions,
    queryFn: ({ signal }) => apiGet<QualityDefinition[]>("/qualitydefinition", signal),
  });
}

/** Save several definitions at once: all or none (a failure names its place: "[3].maxSize"). */
export function useSaveQualityDefinitions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (definitions: QualityDefinition[]) =>
      request<QualityDefinition[]>(`${API_ROOT}/qualitydefinition/update`, { method: "PUT", body: definitions }),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.definitions }),
  });
}

// --- Tags ------------------------------------------------------------------------------------

/** Every tag with what uses it. */
export function useTagDetails() {
  return useQuery({
    queryKey: settingsKeys.tagDetails,
    queryFn: ({ signal }) => apiGet<TagDetails[]>("/tag/detail", signal),
  });
}

export function useDeleteTag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<unknown>(`${API_ROOT}/tag/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.tags }),
  });
}

// --- The mass editor -------------------------------------------------------------------------

export type ApplyTags = "add" | "remove" | "replace";

/** One change to several movies (PUT /movie/editor); absent fields stay as they are. */
export interface MovieEditorBody {
  movieIds: number[];
  monitored?: boolean;
  qualityProfileId?: number;
  minimumAvailability?: MinimumAvailability;
  rootFolderPath?: string;
  moveFiles?: boolean;
  tags?: number[];
  applyTags?: ApplyTags;
}

export function useEditMovies() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MovieEditorBody) => request<LibraryMovie[]>(`${API_ROOT}/movie/editor`, { method: "PUT", body }),
    onSuccess: (movies, body) => {
      for (const movie of movies) upsertMovie(client, movie, { add: false });
      if (body.tags) void client.invalidateQueries({ queryKey: libraryKeys.tags });
      if (body.rootFolderPath) void client.invalidateQueries({ queryKey: libraryKeys.rootFolders });
    },
  });
}

export function useDeleteMovies() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { movieIds: number[]; deleteFiles: boolean; addImportExclusion: boolean }) =>
      request<unknown>(`${API_ROOT}/movie/editor`, { method: "DELETE", body }),
    onSuccess: (_result, { movieIds }) => {
      for (const id of movieIds) removeMovie(client, id);
    },
  });
}
