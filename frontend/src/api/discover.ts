// Discover: the films the import lists offer and TMDB recommends for the library (/importlist/movie),
// and excluding one of them (/exclusions).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import type { MediaCover, Movie } from "./types";

export const discoverKeys = {
  all: ["importlist", "movie"] as const,
  films: (includeRecommendations: boolean) => ["importlist", "movie", { includeRecommendations }] as const,
};

/** A film Discover offers (Radarr's ImportListMoviesResource). */
export interface DiscoverMovie {
  tmdbId: number;
  imdbId?: string;
  title: string;
  sortTitle: string;
  year: number;
  overview: string;
  images: MediaCover[];
  remotePoster?: string;
  runtime: number;
  genres: string[];
  studio?: string;
  certification?: string;
  folder?: string;
  collection?: Movie["collection"];
  ratings: Movie["ratings"];
  isExcluded: boolean;
  isExisting: boolean;
  isRecommendation: boolean;
  isTrending: boolean;
  isPopular: boolean;
  /** The ids of the import lists offering it. */
  lists: number[];
}

export function useDiscoverMovies(includeRecommendations: boolean) {
  return useQuery({
    queryKey: discoverKeys.films(includeRecommendations),
    queryFn: ({ signal }) => apiGet<DiscoverMovie[]>(`/importlist/movie?includeRecommendations=${includeRecommendations}`, signal),
    staleTime: 5 * 60_000,
  });
}

/** Put a film on the import exclusion list: lists no longer add it, Discover shows it as excluded. */
export function useExcludeMovie() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (movie: Pick<DiscoverMovie, "tmdbId" | "title" | "year">) =>
      request<unknown>(`${API_ROOT}/exclusions`, { method: "POST", body: { tmdbId: movie.tmdbId, movieTitle: movie.title, movieYear: movie.year } }),
    onSuccess: () => client.invalidateQueries({ queryKey: discoverKeys.all }),
  });
}
