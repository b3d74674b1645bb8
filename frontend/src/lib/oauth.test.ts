import { describe, expect, it } from "vitest";
import type { ProviderField } from "../api/providers";
import { DEFAULT_INTERVAL_MS, failed, initialSignIn, MIN_INTERVAL_MS, polled, pollQuery, SLOW_DOWN_MS, started, tokenFields, type SignInState } from "./oauth";

const field = (name: string, value: unknown): ProviderField => ({ order: 0, name, value, advanced: false, privacy: "normal", isFloat: false, hidden: "hidden" });

const NOW = 1_700_000_000_000;
// What the server's TraktUserImport answers to startDeviceCode (from Trakt's /oauth/device/code).
const TRAKT_START = { deviceCode: "device-3", userCode: "5055CC52", verificationUrl: "https://trakt.tv/activate", expiresIn: 600, interval: 5 };
const TRAKT_TOKENS = {
  state: "authorized",
  accessToken: "access-ann-4",
  refreshToken: "refresh-ann-4",
  expires: "2027-03-07T05:30:00+00:00",
  authUser: "ann",
};

function waiting(): Extract<SignInState, { phase: "waiting" }> {
  const state = started(TRAKT_START, NOW);
  if (state.phase !== "waiting") throw new Error(`not waiting: ${state.phase}`);
  return state;
}

describe("initialSignIn", () => {
  it("is signed in (as the stored user) when the list holds an access token, masked or not", () => {
    expect(initialSignIn([field("accessToken", "********"), field("authUser", "ann")])).toEqual({ phase: "signedIn", user: "ann" });
    expect(initialSignIn([field("accessToken", "plex-token")])).toEqual({ phase: "signedIn", user: undefined });
  });

  it("is not signed in without a token", () => {
    expect(initialSignIn([field("accessToken", ""), field("authUser", "")])).toEqual({ phase: "idle" });
    expect(initialSignIn([field("signIn", "startDeviceCode")])).toEqual({ phase: "idle" });
  });
});

describe("started", () => {
  it("shows Trakt's code and address and polls with the device code at Trakt's interval until it runs out", () => {
    expect(started(TRAKT_START, NOW)).toEqual({
      phase: "waiting",
      userCode: "5055CC52",
      verificationUrl: "https://trakt.tv/activate",
      query: { deviceCode: "device-3", userCode: "5055CC52" },
      intervalMs: 5000,
      expiresAt: NOW + 600_000,
      polls: 0,
    });
  });

  it("polls Plex with its PIN id and shows no code (plex.tv's address carries it)", () => {
    const plex = started({ pinId: 4711, code: "abcd", verificationUrl: "https://app.plex.tv/auth#?code=abcd" }, NOW);
    expect(plex).toMatchObject({ phase: "waiting", userCode: undefined, query: { pinId: "4711" }, intervalMs: DEFAULT_INTERVAL_MS, expiresAt: undefined });
  });

  it("polls Simkl with its user code (its device code is empty)", () => {
    expect(pollQuery({ deviceCode: "", userCode: "A1B2C3", interval: 5 })).toEqual({ userCode: "A1B2C3" });
  });

  it("never polls faster than a second", () => {
    expect(started({ ...TRAKT_START, interval: 0.1 }, NOW)).toMatchObject({ intervalMs: MIN_INTERVAL_MS });
  });

  it("fails on an answer with nothing to wait for", () => {
    expect(started({ verificationUrl: "https://trakt.tv/activate" }, NOW)).toMatchObject({ phase: "failed" });
    expect(started(null, NOW)).toMatchObject({ phase: "failed" });
  });
});

describe("polled", () => {
  it("keeps waiting while pending, one more poll each time", () => {
    const state = waiting();
    const outcome = polled(state, { state: "pending" }, NOW + 5000);
    expect(outcome).toEqual({ state: { ...state, polls: 1 } });
    expect(outcome.state).not.toBe(state);
  });

  it("waits five seconds longer on slowDown", () => {
    const outcome = polled(waiting(), { state: "slowDown" }, NOW + 5000);
    expect(outcome.state).toMatchObject({ phase: "waiting", intervalMs: 5000 + SLOW_DOWN_MS });
  });

  it("is signed in as the user once authorised, with every token field to store", () => {
    expect(polled(waiting(), TRAKT_TOKENS, NOW + 10_000)).toEqual({
      state: { phase: "signedIn", user: "ann" },
      tokens: { accessToken: "access-ann-4", refreshToken: "refresh-ann-4", expires: "2027-03-07T05:30:00+00:00", authUser: "ann" },
    });
    expect(polled(waiting(), { state: "authorized", accessToken: "plex-token" }, NOW)).toEqual({
      state: { phase: "signedIn", user: undefined },
      tokens: { accessToken: "plex-token" },
    });
  });

  it("stops with a message when the code expired, was denied or is unknown", () => {
    for (const kind of ["expired", "denied", "invalid", "used"]) {
      const outcome = polled(waiting(), { state: kind }, NOW);
      expect(outcome.state.phase).toBe("failed");
      expect(outcome.tokens).toBeUndefined();
    }
    expect(polled(waiting(), { state: "expired" }, NOW).state).toMatchObject({ message: expect.stringContaining("expired") });
    expect(polled(waiting(), { state: "denied" }, NOW).state).toMatchObject({ message: expect.stringContaining("refused") });
  });

  it("says Simkl's own message when it fails otherwise", () => {
    expect(polled(waiting(), { state: "failed", message: "Wrong client" }, NOW).state).toEqual({
      phase: "failed",
      message: "The sign-in failed: Wrong client. Sign in again to retry.",
    });
  });

  it("stops once the code ran out although the service still says pending", () => {
    expect(polled(waiting(), { state: "pending" }, NOW + 600_000).state).toMatchObject({ phase: "failed", message: expect.stringContaining("expired") });
  });

  it("ignores answers when no longer waiting (cancelled)", () => {
    const idle: SignInState = { phase: "idle" };
    expect(polled(idle, TRAKT_TOKENS, NOW)).toEqual({ state: idle });
  });
});

describe("tokenFields and failed", () => {
  it("stores everything but the state and the message", () => {
    expect(tokenFields({ state: "authorized", message: "", accessToken: "a", expires: null })).toEqual({ accessToken: "a", expires: null });
  });

  it("words a request's failure", () => {
    expect(failed("Reelarr has no Trakt application")).toEqual({ phase: "failed", message: "The sign-in failed: Reelarr has no Trakt application" });
  });
});
