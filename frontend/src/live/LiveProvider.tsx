import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { apiGet, urlBase } from "../api/client";
import { libraryKeys, refreshMovieFromServer, removeMovie } from "../api/library";
import { formatKeys } from "../api/customFormats";
import { indexerKeys, providerKeys } from "../api/providers";
import { activityKeys } from "../api/activity";
import { downloadClientKeys } from "../api/downloadClients";
import { mediaManagementKeys } from "../api/mediaManagement";
import { namingKeys } from "../api/naming";
import { keys, upsertCommand } from "../api/queries";
import { releaseKeys } from "../api/releases";
import { wantedKeys } from "../api/wanted";
import { collectionKeys } from "../api/collections";
import type { Command, LibraryMovie, LiveMessage } from "../api/types";
import { reconnectDelay } from "../lib/backoff";
import { commandMovieIds } from "../lib/commands";
import { liveUrlFrom } from "../lib/paths";
import { TOAST_MS, toastFor, withToast, type Toast } from "../lib/toasts";

export type LiveStatus = "connected" | "reconnecting" | "disconnected";

interface LiveState {
  status: LiveStatus;
  /** The server's version as it announced itself on connect. */
  serverVersion?: string;
}

const LiveContext = createContext<LiveState>({ status: "disconnected" });

export const useLive = () => useContext(LiveContext);

interface ToastState {
  toasts: readonly Toast[];
  dismiss: (id: number) => void;
  /** Show a toast of the page's own (a bulk add's outcome). */
  show: (toast: Omit<Toast, "id">) => void;
}

const ToastContext = createContext<ToastState>({ toasts: [], dismiss: () => undefined, show: () => undefined });

/** The toasts of grabs, imports and failures that arrived over the live connection, and the pages' own. */
export const useToasts = () => useContext(ToastContext);

/** "Title (Year)" of a film the UI has loaded, if it has. */
function filmName(client: QueryClient, id: number): string | undefined {
  const movie =
    client.getQueryData<LibraryMovie>(libraryKeys.movie(id)) ??
    client.getQueryData<LibraryMovie[]>(libraryKeys.movieList)?.find((m) => m.id === id);
  return movie ? `${movie.title} (${movie.year})` : undefined;
}

/** The movie id a history message names, if it names one. */
function messageMovieId(message: LiveMessage): number | undefined {
  if (message.name !== "history" || message.action !== "created") return undefined;
  const id = (message.resource as { movieId?: unknown } | undefined)?.movieId;
  return typeof id === "number" && id > 0 ? id : undefined;
}

/** Load a film the page has not (a grab seen from the Activity page), so that its toast names it. */
async function loadFilm(client: QueryClient, id: number): Promise<void> {
  if (filmName(client, id) !== undefined) return;
  try {
    await client.fetchQuery({
      queryKey: libraryKeys.movie(id),
      queryFn: ({ signal }) => apiGet<LibraryMovie>(`/movie/${id}`, signal),
    });
  } catch {
    // The toast says "Release grabbed" without the film's name.
  }
}

/** After this many failed attempts in a row the indicator says Disconnected (retries go on). */
const ATTEMPTS_BEFORE_DISCONNECTED = 3;

/** Apply one pushed message to the cached server state. */
export function applyMessage(client: QueryClient, message: LiveMessage): void {
  switch (message.name) {
    case "command":
      if (message.resource && typeof message.resource === "object") {
        upsertCommand(client, message.resource as Command);
        refreshAfterCommand(client, message.resource as Command);
      }
      void client.invalidateQueries({ queryKey: keys.commands });
      void client.invalidateQueries({ queryKey: keys.tasks });
      break;
    case "health":
      void client.invalidateQueries({ queryKey: keys.health });
      break;
    case "movie":
      applyMovieMessage(client, message);
      // A film gained or lost its file, or was (un)monitored: the wanted lists may change.
      void client.invalidateQueries({ queryKey: wantedKeys.all });
      void client.invalidateQueries({ queryKey: collectionKeys.all }); // a film of a collection came or went
      break;
    case "extrafile": {
      const movieId = (message.resource as { movieId?: unknown } | undefined)?.movieId;
      const queryKey = typeof movieId === "number" ? libraryKeys.extraFiles(movieId) : ["extrafile"];
      void client.invalidateQueries({ queryKey });
      break;
    }
    case "rootfolder":
      void client.invalidateQueries({ queryKey: libraryKeys.rootFolders });
      break;
    case "tag":
      void client.invalidateQueries({ queryKey: libraryKeys.tags });
      break;
    case "qualityprofile":
      void client.invalidateQueries({ queryKey: libraryKeys.qualityProfiles });
      void client.invalidateQueries({ queryKey: wantedKeys.all }); // a new cutoff
      break;
    case "indexer":
      void client.invalidateQueries({ queryKey: indexerKeys.list, exact: true });
      break;
    case "downloadclient":
      void client.invalidateQueries({ queryKey: providerKeys("downloadclient").list, exact: true });
      break;
    case "remotepathmapping":
      void client.invalidateQueries({ queryKey: downloadClientKeys.mappings });
      break;
    case "config/downloadclient":
      void client.invalidateQueries({ queryKey: downloadClientKeys.config });
      break;
    case "config/mediamanagement":
      void client.invalidateQueries({ queryKey: mediaManagementKeys.config });
      break;
    case "queue":
    case "queue/status":
      // A download that changed was grabbed, imported, failed or removed: history has a new row too.
      void client.invalidateQueries({ queryKey: activityKeys.queue });
      void client.invalidateQueries({ queryKey: activityKeys.history });
      break;
    case "history":
      void client.invalidateQueries({ queryKey: activityKeys.history });
      break;
    case "blocklist":
      void client.invalidateQueries({ queryKey: activityKeys.blocklist });
      break;
    case "config/indexer":
      void client.invalidateQueries({ queryKey: indexerKeys.config });
      break;
    case "config/naming":
      void client.invalidateQueries({ queryKey: namingKeys.config, exact: true });
      break;
    case "customformat":
      void client.invalidateQueries({ queryKey: formatKeys.list });
      void client.invalidateQueries({ queryKey: wantedKeys.all }); // files score differently
      break;
  }
}

/** Commands that change movies (metadata, covers, files, folders). */
const MOVIE_COMMANDS = new Set(["refreshmovie", "rescanmovie", "movemovie", "renamemovie"]);
/** Commands that decide about releases: the films' kept decisions change. */
const SEARCH_COMMANDS = new Set(["rsssync", "moviessearch", "missingmoviessearch", "cutoffunmetmoviessearch"]);

/**
 * When a command that changes something the UI holds ends, fetch that again: the movies it
 * touched (whether or not the server also pushes `movie` messages), or the new API key.
 */
function refreshAfterCommand(client: QueryClient, command: Command): void {
  if (command.status === "queued" || command.status === "started") return;
  const name = command.name.toLowerCase();
  if (name === "resetapikey") void client.invalidateQueries({ queryKey: keys.initialize });
  if (name === "refreshcollections") void client.invalidateQueries({ queryKey: collectionKeys.all });
  if (SEARCH_COMMANDS.has(name)) void client.invalidateQueries({ queryKey: releaseKeys.decisions });
  if (!MOVIE_COMMANDS.has(name)) return;
  const ids = commandMovieIds(command);
  if (ids.length === 0) {
    void client.invalidateQueries({ queryKey: libraryKeys.movies });
    void client.invalidateQueries({ queryKey: libraryKeys.calendar });
  }
  for (const id of ids) refreshMovieFromServer(client, id);
}

/** `{name: "movie", action: "created"|"updated"|"deleted", resource: {id}}`: fetch or drop that one movie. */
function applyMovieMessage(client: QueryClient, message: LiveMessage): void {
  const id = (message.resource as { id?: unknown } | undefined)?.id;
  if (typeof id !== "number") {
    void client.invalidateQueries({ queryKey: libraryKeys.movies });
    void client.invalidateQueries({ queryKey: libraryKeys.calendar });
    return;
  }
  if (message.action === "deleted") removeMovie(client, id);
  else refreshMovieFromServer(client, id, { created: message.action === "created" });
}

function parse(data: unknown): LiveMessage | undefined {
  if (typeof data !== "string") return undefined;
  try {
    const message = JSON.parse(data) as LiveMessage;
    return typeof message?.name === "string" ? message : undefined;
  } catch {
    return undefined;
  }
}

/** Holds the WebSocket for the signed-in app: reconnects with backoff and feeds the query cache. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>({ status: "disconnected" });
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const clientRef = useRef(client);
  clientRef.current = client;
  const toastTimers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const nextToast = useRef(1);

  const dismiss = useCallback((id: number) => {
    clearTimeout(toastTimers.current.get(id));
    toastTimers.current.delete(id);
    setToasts((shown) => shown.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (toast: Omit<Toast, "id">) => {
      const id = nextToast.current;
      nextToast.current += 1;
      setToasts((shown) => withToast(shown, { ...toast, id }));
      toastTimers.current.set(id, setTimeout(() => dismiss(id), TOAST_MS));
    },
    [dismiss],
  );

  // Toasts wait for their film's name in turn, so that they show in the order their messages came.
  const toastsInTurn = useRef<Promise<void>>(Promise.resolve());
  const showToast = useCallback(
    (message: LiveMessage) => {
      const movieId = messageMovieId(message);
      toastsInTurn.current = toastsInTurn.current.then(async () => {
        if (movieId !== undefined) await loadFilm(clientRef.current, movieId);
        const toast = toastFor(message, nextToast.current, (id) => filmName(clientRef.current, id));
        if (toast) show(toast);
      });
    },
    [show],
  );

  useEffect(() => {
    const timers = toastTimers.current;
    return () => timers.forEach((timer) => clearTimeout(timer));
  }, []);

  useEffect(() => {
    const url = liveUrlFrom(window.location.origin, urlBase);
    let socket: WebSocket | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let wasConnected = false;
    let stopped = false;

    const connect = () => {
      socket = new WebSocket(url);
      socket.onopen = () => {
        failures = 0;
        setState((s) => ({ ...s, status: "connected" }));
        // Anything may have changed while we were away.
        if (wasConnected) void clientRef.current.invalidateQueries();
        wasConnected = true;
      };
      socket.onmessage = (event) => {
        const message = parse(event.data);
        if (!message) return;
        if (message.name === "version") {
          const version = (message.resource as { version?: string } | undefined)?.version;
          if (version) setState((s) => ({ ...s, serverVersion: version }));
        }
        applyMessage(clientRef.current, message);
        showToast(message);
      };
      socket.onclose = () => {
        if (stopped) return;
        failures += 1;
        setState((s) => ({ ...s, status: failures > ATTEMPTS_BEFORE_DISCONNECTED ? "disconnected" : "reconnecting" }));
        // The session may have ended (logged out elsewhere): the route guards act on this.
        void clientRef.current.invalidateQueries({ queryKey: keys.initialize });
        timer = setTimeout(connect, reconnectDelay(failures));
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [showToast]);

  const toastState = useMemo(() => ({ toasts, dismiss, show }), [toasts, dismiss, show]);
  return (
    <LiveContext.Provider value={state}>
      <ToastContext.Provider value={toastState}>{children}</ToastContext.Provider>
    </LiveContext.Provider>
  );
}
