import { useState } from "react";
import { useInitialize } from "../../api/queries";
import { CommandOutcome } from "../../components/CommandOutcome";
import { CopyButton } from "../../components/CopyButton";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { useCommandRun } from "../../hooks/useCommandRun";

function RegenerateDialog({ onConfirm, onClose }: { onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog title="Regenerate the API key?" open onClose={onClose}>
      <p>
        Every client that uses the current key (Overseerr, Prowlarr, calendar apps, scripts) stops working until it is given the
        new one. This page keeps working.
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          Regenerate
        </button>
      </div>
    </Dialog>
  );
}

function ApiKey({ apiKey }: { apiKey: string }) {
  const [confirming, setConfirming] = useState(false);
  // The new key arrives with /initialize.json, which the live updates refetch once the command ends.
  const reset = useCommandRun();
  return (
    <div className="field">
      <label htmlFor="api-key">API key</label>
      <div className="input-row">
        <input id="api-key" className="input--code" readOnly value={apiKey} aria-describedby="api-key-hint" onFocus={(e) => e.target.select()} />
        <CopyButton text={apiKey} label="Copy the API key" />
        <button type="button" className="button" disabled={reset.busy} onClick={() => setConfirming(true)}>
          {reset.busy ? "Regenerating…" : "Regenerate"}
        </button>
      </div>
      <p id="api-key-hint" className="field__hint">
        Clients such as Overseerr, Prowlarr, Homepage and the mobile apps need Reelarr's address and this key (Radarr's API v3). It
        can also be set with REELARR_API_KEY, and then cannot be regenerated here.
      </p>
      <CommandOutcome command={reset.command} startError={reset.startError} testId="ResetApiKey-state" />
      {confirming && (
        <RegenerateDialog
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            reset.start({ name: "ResetApiKey" });
          }}
        />
      )}
    </div>
  );
}

/** Settings → General (Radarr's /settings/general): for now the security part, the API key. */
export function GeneralSettingsPage() {
  const init = useInitialize();
  return (
    <>
      <h1>General</h1>
      <section className="panel" aria-labelledby="security-heading">
        <h2 id="security-heading">Security</h2>
        {init.isPending && <Loading what="the API key" />}
        {init.isError && <ErrorMessage error={init.error} title="The API key is unavailable" />}
        {init.data &&
          (init.data.apiKey ? (
            <ApiKey apiKey={init.data.apiKey} />
          ) : (
            <p className="muted">The API key is shown only to a signed-in user.</p>
          ))}
      </section>
    </>
  );
}
