// Discover: the films the import lists offer and TMDB recommends for the library or has on its
// trending and popular charts (/importlist/movie), adding several at once, and excluding one (/exclusions).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { bulkAddBody, parseDiscoverErrors, type BulkAddChoices, type DiscoverSources, type SectionFailure } from "../lib/discover";
import { API_ROOT, request, requestWithHeaders } from "./client";
import { libraryKeys } from "./library";
import type { LibraryMovie, MediaCover, Movie } from "./types";

export const discoverKeys = {
  all: ["importlist", "movie"] as const,
  films: (sources: DiscoverSources) => ["importlist", "movie", sources] as const,
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
  popularity?: number;
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

/** What Discover shows, and the sections TMDB could not give this time. */
export interface DiscoverAnswer {
  movies: DiscoverMovie[];
  failures: SectionFailure[];
}

export function useDiscoverMovies(sources: DiscoverSources) {
  const query = new URLSearchParams({
    includeRecommendations: String(sources.recommendations),
    includeTrending: String(sources.trending),
    includePopular: String(sources.popular),
  });
  return useQuery({
    queryKey: discoverKeys.films(sources),
    queryFn: async ({ signal }): Promise<DiscoverAnswer> => {
      const { body, headers } = await requestWithHeaders<DiscoverMovie[]>(`${API_ROOT}/importlist/movie?${query}`, { signal });
      return { movies: body, failures: parseDiscoverErrors(headers.get("X-Discover-Errors")) };
    },
    staleTime: 5 * 60_000,
  });
}

/** Add several films at once; the server skips those it cannot add and answers with those it added. */
export function useAddDiscoverMovies() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ movies, choices }: { movies: readonly DiscoverMovie[]; choices: BulkAddChoices }) =>
      request<LibraryMovie[]>(`${API_ROOT}/importlist/movie`, { method: "POST", body: bulkAddBody(movies, choices) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: discoverKeys.all });
      void client.invalidateQueries({ queryKey: libraryKeys.movies });
    },
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
