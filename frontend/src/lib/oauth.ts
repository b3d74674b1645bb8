// The sign-in of an `oAuth` provider field (Trakt, Simkl, Plex import lists) as a state machine: the
// provider action `startDeviceCode` gives a code to enter and where, then `getDeviceToken` is asked
// every few seconds until it answers the tokens (stored in the provider's hidden fields) or says the
// code ran out or was refused. Pure: the component runs the requests and the timer.
import type { ProviderField } from "../api/providers";

/** Wait between polls when the service names none (Trakt's and Simkl's usual 5 s). */
export const DEFAULT_INTERVAL_MS = 5000;
/** Never poll faster than this, whatever the service says. */
export const MIN_INTERVAL_MS = 1000;
/** What RFC 8628 adds to the wait on a `slow_down`. */
export const SLOW_DOWN_MS = 5000;

/** The query parameters `getDeviceToken` reads: Trakt's `deviceCode`, Simkl's `userCode`, Plex's `pinId`. */
const POLL_PARAMETERS = ["deviceCode", "userCode", "pinId"] as const;
/** What an answer holds besides the fields to store. */
const NOT_FIELDS = new Set(["state", "message"]);

export type SignInState =
  | { phase: "idle" }
  | { phase: "starting" }
  | {
      phase: "waiting";
      /** What the user enters at the address (absent for Plex, whose address carries it). */
      userCode?: string | undefined;
      verificationUrl?: string | undefined;
      /** The parameters each poll is sent with. */
      query: Record<string, string>;
      intervalMs: number;
      /** When the code runs out (ms since the epoch), if the service said. */
      expiresAt?: number | undefined;
      polls: number;
    }
  | { phase: "signedIn"; user?: string | undefined }
  | { phase: "failed"; message: string };

/** What a poll leads to: the next state, and the field values to store once signed in. */
export interface PollOutcome {
  state: SignInState;
  tokens?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : typeof value === "number" ? String(value) : undefined;

/** The state a form opens in: signed in when the list already holds an access token (masked or not). */
export function initialSignIn(fields: readonly ProviderField[]): SignInState {
  const token = fields.find((f) => f.name === "accessToken")?.value;
  if (typeof token !== "string" || token === "") return { phase: "idle" };
  return { phase: "signedIn", user: text(fields.find((f) => f.name === "authUser")?.value) };
}

/** The parameters to poll with, from `startDeviceCode`'s answer (each service reads its own). */
export function pollQuery(answer: Record<string, unknown>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of POLL_PARAMETERS) {
    const value = text(answer[name]);
    if (value !== undefined) query[name] = value;
  }
  return query;
}

function intervalOf(seconds: unknown, fallback: number): number {
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? Math.max(MIN_INTERVAL_MS, seconds * 1000) : fallback;
}

/** The state after `startDeviceCode` answered, at `now` (ms). */
export function started(answer: unknown, now: number): SignInState {
  if (!isRecord(answer)) return { phase: "failed", message: "The sign-in could not start: the server answered something unexpected." };
  const query = pollQuery(answer);
  if (Object.keys(query).length === 0) return { phase: "failed", message: "The sign-in could not start: the server gave no code to wait for." };
  const expiresIn = answer.expiresIn;
  return {
    phase: "waiting",
    userCode: text(answer.userCode),
    verificationUrl: text(answer.verificationUrl),
    query,
    intervalMs: intervalOf(answer.interval, DEFAULT_INTERVAL_MS),
    expiresAt: typeof expiresIn === "number" && expiresIn > 0 ? now + expiresIn * 1000 : undefined,
    polls: 0,
  };
}

const EXPIRED = "The code expired before it was entered. Sign in again for a new one.";
const FAILURES: Record<string, string> = {
  expired: EXPIRED,
  denied: "The sign-in was refused at the service. Sign in again to retry.",
  invalid: "The service no longer knows this code. Sign in again for a new one.",
  used: "This code was already used. Sign in again for a new one.",
};

/** The fields an authorised answer stores: every value it holds but its state and message. */
export function tokenFields(answer: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answer).filter(([name]) => !NOT_FIELDS.has(name)));
}

/** The state after `getDeviceToken` answered while waiting, at `now` (ms). */
export function polled(state: SignInState, answer: unknown, now: number): PollOutcome {
  if (state.phase !== "waiting") return { state };
  const found = isRecord(answer) ? answer : {};
  const kind = typeof found.state === "string" ? found.state : "";
  if (kind === "authorized" || (kind === "" && text(found.accessToken) !== undefined)) {
    return { state: { phase: "signedIn", user: text(found.authUser) }, tokens: tokenFields(found) };
  }
  if (kind === "pending" || kind === "slowDown") {
    if (state.expiresAt !== undefined && now >= state.expiresAt) return { state: { phase: "failed", message: EXPIRED } };
    const intervalMs = kind === "slowDown" ? state.intervalMs + SLOW_DOWN_MS : state.intervalMs;
    return { state: { ...state, intervalMs, polls: state.polls + 1 } };
  }
  const said = text(found.message);
  const message = FAILURES[kind] ?? `The sign-in failed${said ? `: ${said}` : kind ? ` (${kind})` : ""}. Sign in again to retry.`;
  return { state: { phase: "failed", message } };
}

/** The state after a request of the sign-in failed (the server's message, or that it could not be reached). */
export function failed(message: string): SignInState {
  return { phase: "failed", message: `The sign-in failed: ${message}` };
}
