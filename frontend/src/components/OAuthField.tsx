// A provider's `oAuth` field (Trakt, Simkl, Plex import lists): a Sign in button that runs the
// device-code sign-in through the provider's actions and stores the tokens in the form's hidden fields.
import { useEffect, useId, useRef, useState } from "react";
import { errorText } from "../api/errors";
import type { ProviderField } from "../api/providers";
import { failed, initialSignIn, polled, started, type SignInState } from "../lib/oauth";

/** Runs a provider action with the form's settings as they stand (`POST /{family}/action/{name}`). */
export type RunAction = (name: string, query: Record<string, string>, signal: AbortSignal) => Promise<unknown>;

interface OAuthFieldProps {
  field: ProviderField;
  /** All the provider's fields, hidden ones too (the tokens say whether it is signed in already). */
  fields: readonly ProviderField[];
  label: string;
  error?: string | undefined;
  runAction: RunAction;
  /** Store the values the sign-in gave (accessToken, refreshToken, expires, authUser...). */
  onTokens: (values: Record<string, unknown>) => void;
}

/**
 * "Sign in": asks for a code (the field's value names the action, `startDeviceCode`), shows it and
 * where to enter it, then polls `getDeviceToken` until the service answers the tokens or refuses.
 * Cancel, or closing the dialog (unmounting), stops the requests.
 */
export function OAuthField({ field, fields, label, error, runAction, onTokens }: OAuthFieldProps) {
  const id = useId();
  const [state, setState] = useState<SignInState>(() => initialSignIn(fields));
  // The latest callbacks, so a poll sends the settings as they are now, not as they were at the click.
  const run = useRef(runAction);
  const store = useRef(onTokens);
  run.current = runAction;
  store.current = onTokens;
  const startAction = typeof field.value === "string" && field.value ? field.value : "startDeviceCode";

  useEffect(() => {
    if (state.phase !== "starting" && state.phase !== "waiting") return;
    const controller = new AbortController();
    const ask = async () => {
      try {
        if (state.phase === "starting") {
          const answer = await run.current(startAction, {}, controller.signal);
          if (!controller.signal.aborted) setState(started(answer, Date.now()));
          return;
        }
        const answer = await run.current("getDeviceToken", state.query, controller.signal);
        if (controller.signal.aborted) return;
        const outcome = polled(state, answer, Date.now());
        if (outcome.tokens) store.current(outcome.tokens);
        setState(outcome.state);
      } catch (caught) {
        if (!controller.signal.aborted) setState(failed(errorText(caught)));
      }
    };
    const timer = state.phase === "starting" ? undefined : window.setTimeout(() => void ask(), state.intervalMs);
    if (state.phase === "starting") void ask();
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [state, startAction]);

  const busy = state.phase === "starting" || state.phase === "waiting";
  const describedBy = [`${id}-state`, error ? `${id}-error` : ""].filter(Boolean).join(" ");

  return (
    <div className="field oauth" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="field__label">
        {label}
      </span>
      {state.phase === "waiting" && (
        <div className="oauth__code">
          {state.userCode && (
            <p>
              <span id={`${id}-code`}>Code to enter</span>{" "}
              <output className="oauth__user-code" aria-labelledby={`${id}-code`}>
                {state.userCode}
              </output>
            </p>
          )}
          {state.verificationUrl && (
            <p>
              <a href={state.verificationUrl} target="_blank" rel="noreferrer noopener">
                {state.userCode ? `Enter it at ${displayUrl(state.verificationUrl)}` : "Open the sign-in page"}
              </a>
            </p>
          )}
        </div>
      )}
      <p id={`${id}-state`} className={state.phase === "failed" ? "field__error" : "field__hint"} role="status">
        {stateText(state)}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <div className="form-actions">
        {busy ? (
          <button type="button" className="button" onClick={() => setState(initialSignIn(fields))}>
            Cancel sign-in
          </button>
        ) : (
          <button type="button" className="button" aria-describedby={describedBy} onClick={() => setState({ phase: "starting" })}>
            {state.phase === "signedIn" ? "Sign in again" : "Sign in"}
          </button>
        )}
      </div>
    </div>
  );
}

/** An address as shown in a link's text: without the scheme, and short (Plex's carries a long query). */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return url;
  }
}

function stateText(state: SignInState): string {
  switch (state.phase) {
    case "idle":
      return "Not signed in.";
    case "starting":
      return "Asking for a code…";
    case "waiting":
      return state.userCode ? "Waiting for the code to be entered…" : "Waiting for you to sign in on that page…";
    case "signedIn":
      return state.user ? `Signed in as ${state.user}.` : "Signed in.";
    case "failed":
      return state.message;
  }
}
