import { useState } from "react";
import { Link } from "react-router";
import { useHostConfig, useSaveHostConfig, useStopServer, type HostConfig, type LogLevel } from "../../api/general";
import { useInitialize } from "../../api/queries";
import { CommandOutcome } from "../../components/CommandOutcome";
import { CopyButton } from "../../components/CopyButton";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Checkbox, Field, SelectField } from "../../components/Field";
import { useCommandRun } from "../../hooks/useCommandRun";
import { useOptionsDraft } from "../../hooks/useOptionsDraft";
import "./settings.css";

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

const NAMES: Record<string, string> = {
  bindAddress: "bind address",
  port: "port",
  urlBase: "URL base",
  enableSsl: "SSL",
  sslPort: "SSL port",
  sslCertPath: "SSL certificate",
  sslCertPassword: "SSL certificate password",
};

/** The saved options that wait for a restart, and the button that does it. */
function RestartNotice({ pending }: { pending: string[] }) {
  const stop = useStopServer();
  if (pending.length === 0) return null;
  if (stop.isSuccess)
    return (
      <div className="alert" role="status">
        Reelarr is restarting; this page comes back when it does (if a service manager starts it again).
      </div>
    );
  return (
    <div className="alert alert--notice" role="alert">
      <p>Restart Reelarr for the new {pending.map((name) => NAMES[name] ?? name).join(", ")} to take effect.</p>
      <button type="button" className="button" disabled={stop.isPending} onClick={() => stop.mutate("restart")}>
        {stop.isPending ? "Restarting…" : "Restart now"}
      </button>
      {stop.isError && <ErrorMessage error={stop.error} title="Could not restart" />}
    </div>
  );
}

const FIELDS: Record<string, string> = Object.fromEntries(
  [
    "bindAddress",
    "port",
    "urlBase",
    "instanceName",
    "applicationUrl",
    "enableSsl",
    "sslPort",
    "sslCertPath",
    "sslCertPassword",
    "authenticationMethod",
    "authenticationRequired",
    "username",
    "password",
    "passwordConfirmation",
    "logLevel",
    "consoleLogLevel",
    "backupFolder",
    "backupInterval",
    "backupRetention",
  ].map((key) => [key, key]),
);

const LOG_LEVELS: [LogLevel, string][] = [
  ["info", "Info"],
  ["debug", "Debug"],
  ["trace", "Trace"],
  ["warn", "Warn"],
  ["error", "Error"],
];

const wholeNumber = (text: string) => Math.trunc(Number(text)) || 0;

function HostForm() {
  const config = useHostConfig();
  const save = useSaveHostConfig();
  const { draft, errors, failures, update, onSubmit } = useOptionsDraft(config, save, FIELDS);
  if (config.isPending) return <Loading what="the general settings" />;
  if (config.isError) return <ErrorMessage error={config.error} title="The general settings could not be loaded" />;
  if (!draft) return null;
  const text = (key: keyof HostConfig, label: string, hint: string, type = "text") => (
    <Field
      label={label}
      name={key}
      type={type}
      autoComplete="off"
      spellCheck={false}
      value={String(draft[key] ?? "")}
      error={errors.fields[key]}
      hint={hint}
      onChange={(e) => update({ [key]: type === "number" ? wholeNumber(e.target.value) : e.target.value })}
    />
  );
  return (
    <form className="form" onSubmit={onSubmit} aria-label="General settings" aria-busy={save.isPending} noValidate>
      <RestartNotice pending={config.data?.pendingRestart ?? []} />
      <fieldset className="fieldset options-group">
        <legend>Host</legend>
        {text("bindAddress", "Bind address", "The address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 (or *) for every interface. Takes effect after a restart.")}
        {text("port", "Port number", "The HTTP port. Takes effect after a restart.", "number")}
        {text("urlBase", "URL base", "A path prefix for a reverse proxy, such as /reelarr. Takes effect after a restart.")}
        {text("instanceName", "Instance name", "The name in the browser's tab and in notifications (blank: Reelarr).")}
        {text("applicationUrl", "Application URL", "Reelarr's address as others reach it (https://films.example/reelarr), sent in notification links.")}
        <Checkbox
          label="Enable SSL"
          checked={draft.enableSsl}
          error={errors.fields.enableSsl}
          hint="Also serve HTTPS on the SSL port. Takes effect after a restart."
          onChange={(e) => update({ enableSsl: e.target.checked })}
        />
        {draft.enableSsl && (
          <>
            {text("sslPort", "SSL port", "The HTTPS port.", "number")}
            {text("sslCertPath", "SSL certificate path", "A PEM file holding the certificate and its private key.")}
            {text("sslCertPassword", "SSL certificate password", "The password of the private key, if it has one.", "password")}
          </>
        )}
      </fieldset>
      <fieldset className="fieldset options-group">
        <legend>Security</legend>
        <p className="field__hint">Reelarr signs in with a login page (forms) and always asks for a login or the API key.</p>
        {text("username", "Username", "The account you log in with.")}
        {text("password", "Password", "Leave blank to keep the current password. A new password logs that account out everywhere.", "password")}
        {text("passwordConfirmation", "Password confirmation", "The new password again.", "password")}
      </fieldset>
      <fieldset className="fieldset options-group">
        <legend>Logging</legend>
        <SelectField
          label="Log level"
          value={draft.logLevel}
          error={errors.fields.logLevel}
          hint="How much the log file and the console record. Applies at once."
          onChange={(e) => update({ logLevel: e.target.value as LogLevel })}
        >
          {LOG_LEVELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Console log level"
          value={draft.consoleLogLevel}
          error={errors.fields.consoleLogLevel}
          hint="The console's own level (blank: as the log level)."
          onChange={(e) => update({ consoleLogLevel: e.target.value as LogLevel | "" })}
        >
          <option value="">As the log level</option>
          {LOG_LEVELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset className="fieldset options-group">
        <legend>Backups</legend>
        {text("backupFolder", "Folder", "Backups are kept in the Backups folder of the data folder.")}
        {text("backupInterval", "Interval (days)", "How often a backup is made (1 to 7 days).", "number")}
        {text("backupRetention", "Retention (days)", "How long backups are kept (1 to 90 days).", "number")}
      </fieldset>
      <fieldset className="fieldset options-group">
        <legend>Analytics, proxy and updates</legend>
        <p className="field__hint">
          Reelarr sends no analytics and uses no outgoing proxy. It does not update itself: see <Link to="/system/updates">System → Updates</Link>.
        </p>
      </fieldset>
      {errors.general.length > 0 && (
        <div className="alert alert--error" role="alert">
          {errors.general.join(" ")}
        </div>
      )}
      {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save general settings"}
        </button>
        <span role="status">{save.isSuccess && "General settings saved"}</span>
      </div>
    </form>
  );
}

/** Settings → General (Radarr's /settings/general): host, security, logging, backups, and the API key. */
export function GeneralSettingsPage() {
  const init = useInitialize();
  return (
    <>
      <h1>General</h1>
      <HostForm />
      <section className="panel" aria-labelledby="security-heading">
        <h2 id="security-heading">API key</h2>
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
