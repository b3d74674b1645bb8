// Server state of the movie pages: the library, lookups, root folders, profiles, tags, TMDB settings.
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request } from "./client";
import { keys as systemKeys } from "./queries";
import type {
  AddMovieBody,
  Credit,
  ExtraFile,
  FileSystemListing,
  LibraryMovie,
  Movie,
  QualityProfile,
  RootFolder,
  Tag,
  TmdbConfig,
} from "./types";

export const libraryKeys = {
  movies: ["movie"] as const,
  movieList: ["movie", "list"] as const,
  movie: (id: number) => ["movie", "detail", id] as const,
  movieIdsByTmdbId: ["movie", "tmdbId"] as const,
  movieIdByTmdbId: (tmdbId: number) => ["movie", "tmdbId", tmdbId] as const,
  credits: (movieId: number) => ["credit", movieId] as const,
  extraFiles: (movieId: number) => ["extrafile", movieId] as const,
  lookups: ["movie", "lookup"] as const,
  lookup: (term: string) => ["movie", "lookup", term] as const,
  calendar: ["calendar"] as const,
  calendarRange: (start: string, end: string, unmonitored: boolean) => ["calendar", start, end, unmonitored] as const,
  qualityProfiles: ["qualityprofile"] as const,
  rootFolders: ["rootfolder"] as const,
  fileSystem: (path: string) => ["filesystem", path] as const,
  tags: ["tag"] as const,
  tmdbConfig: ["config", "tmdb"] as const,
};

const json = (method: "POST" | "PUT" | "DELETE", body?: unknown) => ({ method, body });

// --- The library -----------------------------------------------------------------------------

/** The whole library in one request; sorting and filtering happen in the browser. */
export function useMovies() {
  return useQuery({
    queryKey: libraryKeys.movieList,
    queryFn: ({ signal }) => apiGet<LibraryMovie[]>("/movie", signal),
    staleTime: 60_000,
  });
}

/** One page of the library (Reelarr's paging extension of GET /movie). */
export interface MoviePage {
  page: number;
  pageSize: number;
  totalRecords: number;
  records: LibraryMovie[];
}

/** How many movies the first page holds: a few screens of posters or table rows. */
export const FIRST_MOVIES = 60;

/**
 * The library's first movies in title order, asked for beside the whole list. A large library's list
 * takes the browser seconds to parse (148 MB of JSON at 50,000 films) and this page milliseconds, so
 * the page is drawn while the list loads.
 */
export function useFirstMovies(direction: "ascending" | "descending", enabled: boolean) {
  return useQuery({
    queryKey: ["movie", "first", direction] as const,
    queryFn: ({ signal }) =>
      apiGet<MoviePage>(`/movie?page=1&pageSize=${FIRST_MOVIES}&sortKey=title&sortDirection=${direction}`, signal),
    enabled,
    staleTime: 60_000,
  });
}

export function useMovie(id: number) {
  const client = useQueryClient();
  return useQuery({
    queryKey: libraryKeys.movie(id),
    queryFn: ({ signal }) => apiGet<LibraryMovie>(`/movie/${id}`, signal),
    // The list may know it already: show that at once, the full resource follows.
    initialData: () => client.getQueryData<LibraryMovie[]>(libraryKeys.movieList)?.find((m) => m.id === id),
    initialDataUpdatedAt: () => client.getQueryState(libraryKeys.movieList)?.dataUpdatedAt,
    enabled: Number.isInteger(id) && id > 0,
  });
}

/**
 * The library id of the film with this TMDB id (null when it is not in the library), for Radarr's
 * /movie/{titleSlug} address. The list, when loaded, knows it at once.
 */
export function useMovieIdByTmdbId(tmdbId: number | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: libraryKeys.movieIdByTmdbId(tmdbId ?? 0),
    queryFn: async ({ signal }) => {
      const [movie] = await apiGet<LibraryMovie[]>(`/movie?tmdbId=${tmdbId}`, signal);
      if (movie) client.setQueryData(libraryKeys.movie(movie.id), movie);
      return movie?.id ?? null;
    },
    initialData: () => client.getQueryData<LibraryMovie[]>(libraryKeys.movieList)?.find((m) => m.tmdbId === tmdbId)?.id,
    initialDataUpdatedAt: () => client.getQueryState(libraryKeys.movieList)?.dataUpdatedAt,
    enabled: tmdbId !== null,
  });
}

/** A library movie's cast (billing order) then crew. */
export function useCredits(movieId: number) {
  return useQuery({
    queryKey: libraryKeys.credits(movieId),
    queryFn: ({ signal }) => apiGet<Credit[]>(`/credit?movieId=${movieId}`, signal),
    staleTime: 5 * 60_000,
  });
}

/** A library movie's extra files: subtitles, then the others. */
export function useExtraFiles(movieId: number) {
  return useQuery({
    queryKey: libraryKeys.extraFiles(movieId),
    queryFn: ({ signal }) => apiGet<ExtraFile[]>(`/extrafile?movieId=${movieId}`, signal),
  });
}

/**
 * Put a movie's new state into the list and its detail; lookups and the calendar refetch. A movie
 * that is not in the list is added only when `add` says so (it was just created): an update that
 * arrives after the movie was deleted must not bring it back.
 */
export function upsertMovie(client: QueryClient, movie: LibraryMovie, { add = true }: { add?: boolean } = {}): void {
  client.setQueryData<LibraryMovie[]>(libraryKeys.movieList, (list) => {
    if (!list) return list;
    const index = list.findIndex((m) => m.id === movie.id);
    if (index < 0) return add ? [...list, movie] : list;
    return list.map((m, i) => (i === index ? movie : m));
  });
  if (add || client.getQueryData(libraryKeys.movie(movie.id)) !== undefined) client.setQueryData(libraryKeys.movie(movie.id), movie);
  if (add) client.setQueryData(libraryKeys.movieIdByTmdbId(movie.tmdbId), movie.id);
  // A refresh may have changed the cast and crew too (refetched only if a page shows them).
  void client.invalidateQueries({ queryKey: libraryKeys.credits(movie.id) });
  // Its file may have been renamed, replaced or removed, and its extra files with it.
  void client.invalidateQueries({ queryKey: libraryKeys.extraFiles(movie.id) });
  void client.invalidateQueries({ queryKey: libraryKeys.lookups });
  void client.invalidateQueries({ queryKey: libraryKeys.calendar });
}

/** Forget a deleted movie everywhere. */
export function removeMovie(client: QueryClient, id: number): void {
  client.setQueryData<LibraryMovie[]>(libraryKeys.movieList, (list) => list?.filter((m) => m.id !== id));
  client.removeQueries({ queryKey: libraryKeys.movie(id), exact: true });
  client.removeQueries({ queryKey: libraryKeys.credits(id), exact: true });
  client.removeQueries({ queryKey: libraryKeys.extraFiles(id), exact: true });
  void client.invalidateQueries({ queryKey: libraryKeys.movieIdsByTmdbId });
  void client.invalidateQueries({ queryKey: libraryKeys.lookups });
  void client.invalidateQueries({ queryKey: libraryKeys.calendar });
  void client.invalidateQueries({ queryKey: libraryKeys.rootFolders });
}

/** Past this many changed movies in one burst, refetching the whole library is cheaper. */
const REFETCH_ALL_AFTER = 25;
const pendingRefreshes = new WeakMap<QueryClient, Map<number, boolean>>();

/**
 * A pushed `movie` message: fetch the movie that changed instead of the whole library. Messages
 * arriving together (a library-wide refresh) are gathered for a moment and fetched at once.
 */
export function refreshMovieFromServer(client: QueryClient, id: number, { created = false } = {}, delayMs = 250): void {
  let pending = pendingRefreshes.get(client);
  if (pending) {
    pending.set(id, created || (pending.get(id) ?? false));
    return;
  }
  pending = new Map([[id, created]]);
  pendingRefreshes.set(client, pending);
  setTimeout(() => {
    const batch = [...(pendingRefreshes.get(client) ?? [])];
    pendingRefreshes.delete(client);
    if (batch.length > REFETCH_ALL_AFTER) {
      void client.invalidateQueries({ queryKey: libraryKeys.movies });
      void client.invalidateQueries({ queryKey: libraryKeys.calendar });
      return;
    }
    for (const [movieId, add] of batch) {
      apiGet<LibraryMovie>(`/movie/${movieId}`).then(
        (movie) => upsertMovie(client, movie, { add }),
        () => void client.invalidateQueries({ queryKey: libraryKeys.movies }),
      );
    }
  }, delayMs);
}

export function useUpdateMovie() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ movie, moveFiles = false }: { movie: LibraryMovie; moveFiles?: boolean }) =>
      request<LibraryMovie>(`${API_ROOT}/movie/${movie.id}${moveFiles ? "?moveFiles=true" : ""}`, json("PUT", movie)),
    // Show the change at once; the server's answer (or the old state on failure) replaces it.
    onMutate: async ({ movie }) => {
      await client.cancelQueries({ queryKey: libraryKeys.movie(movie.id) });
      const before = client.getQueryData<LibraryMovie>(libraryKeys.movie(movie.id));
      client.setQueryData(libraryKeys.movie(movie.id), movie);
      return { before };
    },
    onError: (_error, { movie }, context) => {
      if (context?.before) client.setQueryData(libraryKeys.movie(movie.id), context.before);
    },
    onSuccess: (updated) => upsertMovie(client, updated),
  });
}

export function useDeleteMovie() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, deleteFiles, addImportExclusion }: { id: number; deleteFiles: boolean; addImportExclusion: boolean }) =>
      request<unknown>(`${API_ROOT}/movie/${id}?deleteFiles=${deleteFiles}&addImportExclusion=${addImportExclusion}`, json("DELETE")),
    onSuccess: (_result, { id }) => removeMovie(client, id),
  });
}

export function useLookup(term: string) {
  return useQuery({
    queryKey: libraryKeys.lookup(term),
    queryFn: ({ signal }) => apiGet<Movie[]>(`/movie/lookup?term=${encodeURIComponent(term)}`, signal),
    enabled: term.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}

export function useAddMovie() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMovieBody) => request<LibraryMovie>(`${API_ROOT}/movie`, json("POST", body)),
    onSuccess: (movie) => {
      upsertMovie(client, movie);
      void client.invalidateQueries({ queryKey: libraryKeys.tags });
    },
  });
}

// --- What adding and editing need ------------------------------------------------------------

export function useQualityProfiles() {
  return useQuery({
    queryKey: libraryKeys.qualityProfiles,
    queryFn: ({ signal }) => apiGet<QualityProfile[]>("/qualityprofile", signal),
    staleTime: 5 * 60_000,
  });
}

export function useRootFolders() {
  return useQuery({ queryKey: libraryKeys.rootFolders, queryFn: ({ signal }) => apiGet<RootFolder[]>("/rootfolder", signal) });
}

export function useAddRootFolder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => request<RootFolder>(`${API_ROOT}/rootfolder`, json("POST", { path })),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.rootFolders }),
  });
}

export function useDeleteRootFolder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<unknown>(`${API_ROOT}/rootfolder/${id}`, json("DELETE")),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.rootFolders }),
  });
}

/** The folders in a folder, for the folder picker ("" lists the top). */
export function useFileSystem(path: string, enabled = true) {
  return useQuery({
    queryKey: libraryKeys.fileSystem(path),
    queryFn: ({ signal }) =>
      apiGet<FileSystemListing>(`/filesystem?path=${encodeURIComponent(path)}&includeFiles=false`, signal),
    enabled,
    staleTime: 5_000,
    placeholderData: (previous) => previous,
  });
}

export function useTags() {
  return useQuery({ queryKey: libraryKeys.tags, queryFn: ({ signal }) => apiGet<Tag[]>("/tag", signal) });
}

/** Tag ids for labels, creating the ones that do not exist yet (the server answers existing ones as they are). */
export async function tagIdsFor(client: QueryClient, labels: readonly string[]): Promise<number[]> {
  const known = client.getQueryData<Tag[]>(libraryKeys.tags) ?? [];
  const ids: number[] = [];
  for (const label of labels) {
    const found = known.find((t) => t.label.toLowerCase() === label.toLowerCase());
    const tag = found ?? (await request<Tag>(`${API_ROOT}/tag`, json("POST", { label })));
    if (!ids.includes(tag.id)) ids.push(tag.id);
  }
  if (ids.length > 0) void client.invalidateQueries({ queryKey: libraryKeys.tags });
  return ids;
}

export function useTmdbConfig() {
  return useQuery({ queryKey: libraryKeys.tmdbConfig, queryFn: ({ signal }) => apiGet<TmdbConfig>("/config/tmdb", signal) });
}

export function useSaveTmdbConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (apiKey: string) => request<TmdbConfig>(`${API_ROOT}/config/tmdb`, json("PUT", { apiKey })),
    onSuccess: (config) => {
      client.setQueryData(libraryKeys.tmdbConfig, config);
      void client.invalidateQueries({ queryKey: libraryKeys.lookups });
      void client.invalidateQueries({ queryKey: systemKeys.health });
    },
  });
}

export function useCalendar(start: string, end: string, unmonitored: boolean) {
  return useQuery({
    queryKey: libraryKeys.calendarRange(start, end, unmonitored),
    queryFn: ({ signal }) =>
      apiGet<LibraryMovie[]>(`/calendar?start=${start}&end=${end}&unmonitored=${unmonitored}`, signal),
    placeholderData: (previous) => previous,
  });
}
