// Collections: the TMDB collections of the library's films (/collection), monitored to add their films.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import type { MediaCover, MinimumAvailability, Movie } from "./types";

export const collectionKeys = { all: ["collection"] as const };

/** A film of a collection (Radarr's CollectionMovieResource). */
export interface CollectionMovie {
  tmdbId: number;
  imdbId?: string;
  title: string;
  sortTitle: string;
  status: string;
  overview: string;
  runtime: number;
  year: number;
  images: MediaCover[];
  genres: string[];
  isExisting: boolean;
  isExcluded: boolean;
}

/** A collection (Radarr's CollectionResource). */
export interface MovieCollection {
  id: number;
  title: string;
  sortTitle: string;
  tmdbId: number;
  overview: string;
  images: MediaCover[];
  monitored: boolean;
  qualityProfileId: number;
  rootFolderPath: string;
  minimumAvailability: MinimumAvailability;
  searchOnAdd: boolean;
  movies: CollectionMovie[];
  missingMovies: number;
  tags: number[];
}

/** The options of a collection a user changes (PUT /collection/{id}); those left out stay. */
export type CollectionChanges = Partial<Pick<MovieCollection, "monitored" | "qualityProfileId" | "rootFolderPath" | "minimumAvailability" | "searchOnAdd">>;

export function useCollections() {
  return useQuery({
    queryKey: collectionKeys.all,
    queryFn: ({ signal }) => apiGet<MovieCollection[]>("/collection", signal),
  });
}

/** Change one collection; the server adds the missing films of one that becomes monitored. */
export function useUpdateCollection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: CollectionChanges }) =>
      request<MovieCollection>(`${API_ROOT}/collection/${id}`, { method: "PUT", body: changes }),
    onSuccess: (updated) => {
      client.setQueryData<MovieCollection[]>(collectionKeys.all, (old) => old?.map((c) => (c.id === updated.id ? updated : c)));
    },
  });
}

/** The collection a film belongs to: a search hit does not say, TMDB's full answer for the film does. */
export function useFilmCollection(movie: Pick<Movie, "tmdbId" | "collection">) {
  const details = useQuery({
    queryKey: ["movie", "lookup", "tmdb", movie.tmdbId] as const,
    queryFn: ({ signal }) => apiGet<Movie>(`/movie/lookup/tmdb?tmdbId=${movie.tmdbId}`, signal),
    enabled: !movie.collection,
    staleTime: 60 * 60_000,
  });
  return movie.collection ?? details.data?.collection;
}
