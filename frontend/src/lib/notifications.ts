// Settings → Connect: the events a notification can be told of, with Radarr's switch names.
import type { Notification } from "../api/providers";

type Switch = keyof Notification & `on${string}`;
type Supports = keyof Notification & `supportsOn${string}`;

export interface NotificationEvent {
  key: Switch | "includeHealthWarnings";
  /** The flag saying whether the implementation can be told of it. */
  supports: Supports;
  label: string;
  hint: string;
  /** Only meaningful while this other switch is on. */
  needs?: Switch;
}

/** Radarr's switches, in its form's order. */
export const NOTIFICATION_EVENTS: readonly NotificationEvent[] = [
  { key: "onGrab", supports: "supportsOnGrab", label: "On grab", hint: "A release is sent to a download client." },
  { key: "onDownload", supports: "supportsOnDownload", label: "On file import", hint: "A downloaded file is imported." },
  { key: "onUpgrade", supports: "supportsOnUpgrade", label: "On file upgrade", hint: "An imported file replaces a worse one.", needs: "onDownload" },
  { key: "onRename", supports: "supportsOnRename", label: "On rename", hint: "A film's files are renamed." },
  { key: "onMovieAdded", supports: "supportsOnMovieAdded", label: "On movie added", hint: "A film is added to the library." },
  { key: "onMovieDelete", supports: "supportsOnMovieDelete", label: "On movie delete", hint: "A film is removed from the library." },
  { key: "onMovieFileDelete", supports: "supportsOnMovieFileDelete", label: "On movie file delete", hint: "A film's file is deleted." },
  {
    key: "onMovieFileDeleteForUpgrade",
    supports: "supportsOnMovieFileDeleteForUpgrade",
    label: "On movie file delete for upgrade",
    hint: "A file is deleted because a better one replaced it.",
    needs: "onMovieFileDelete",
  },
  { key: "onHealthIssue", supports: "supportsOnHealthIssue", label: "On health issue", hint: "A health check starts failing." },
  { key: "includeHealthWarnings", supports: "supportsOnHealthIssue", label: "Include health warnings", hint: "Warnings too, not only errors.", needs: "onHealthIssue" },
  { key: "onHealthRestored", supports: "supportsOnHealthRestored", label: "On health restored", hint: "A failing health check passes again." },
  { key: "onApplicationUpdate", supports: "supportsOnApplicationUpdate", label: "On application update", hint: "Reelarr is updated." },
  {
    key: "onManualInteractionRequired",
    supports: "supportsOnManualInteractionRequired",
    label: "On manual interaction required",
    hint: "A download needs to be imported by hand.",
  },
];

/** The switches this notification's implementation supports. */
export function supportedEvents(notification: Notification): NotificationEvent[] {
  return NOTIFICATION_EVENTS.filter((event) => notification[event.supports]);
}

/** The events a notification is told of, as its card lists them ("On grab, On file import"). */
export function eventsTold(notification: Notification): string[] {
  return supportedEvents(notification)
    .filter((event) => notification[event.key] && (!event.needs || notification[event.needs]))
    .map((event) => event.label);
}
