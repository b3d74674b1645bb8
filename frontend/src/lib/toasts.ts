import type { LiveMessage } from "../api/types";

/** One toast: what happened, to which film, in the colour of its outcome. */
export interface Toast {
  id: number;
  kind: "grabbed" | "imported" | "upgraded" | "added" | "failed";
  heading: string;
  detail: string;
}

/** How long a toast stays, unless the user closes it first. */
export const TOAST_MS = 8000;
/** At most this many toasts at once: the oldest goes first. */
export const MOST_TOASTS = 4;

interface HistoryCreated {
  eventType?: unknown;
  movieId?: unknown;
  sourceTitle?: unknown;
  isUpgrade?: unknown;
  message?: unknown;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * The toast of a `{name: "history", action: "created"}` message (a grab, an import or a failed
 * download), naming the film as the library shows it when `filmName` knows it; undefined for any other.
 */
export function toastFor(
  message: LiveMessage,
  id: number,
  filmName: (movieId: number) => string | undefined,
): Toast | undefined {
  if (message.name !== "history" || message.action !== "created") return undefined;
  const event = (message.resource ?? {}) as HistoryCreated;
  const film = typeof event.movieId === "number" ? filmName(event.movieId) : undefined;
  const release = text(event.sourceTitle);
  switch (event.eventType) {
    case "grabbed":
      return { id, kind: "grabbed", heading: film ? `Grabbed ${film}` : "Release grabbed", detail: release };
    case "downloadFolderImported": {
      const upgraded = event.isUpgrade === true;
      const verb = upgraded ? "Upgraded" : "Imported";
      return { id, kind: upgraded ? "upgraded" : "imported", heading: film ? `${verb} ${film}` : `Movie ${verb.toLowerCase()}`, detail: "" };
    }
    case "downloadFailed": {
      const why = text(event.message);
      return {
        id,
        kind: "failed",
        heading: film ? `Download failed: ${film}` : "Download failed",
        detail: [release, why].filter(Boolean).join(" — "),
      };
    }
    default:
      return undefined;
  }
}

/** The toasts shown after `toast` arrives: the newest last, at most MOST_TOASTS. */
export function withToast(shown: readonly Toast[], toast: Toast): Toast[] {
  return [...shown, toast].slice(-MOST_TOASTS);
}
