import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/errors";
import { useSaveTmdbConfig, useTmdbConfig } from "../../api/library";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Field } from "../../components/Field";
import { placeErrors } from "../../lib/validation";

export function TmdbSettingsPage() {
  const config = useTmdbConfig();
  const save = useSaveTmdbConfig();
  const [apiKey, setApiKey] = useState("");
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const errors = placeErrors(failures, { apiKey: "apiKey" });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(apiKey.trim(), { onSuccess: () => setApiKey("") });
  };

  return (
    <>
      <h1>TMDB</h1>
      <section className="panel" aria-labelledby="tmdb-heading">
        <h2 id="tmdb-heading">The Movie Database</h2>
        <p className="muted">
          Reelarr finds films and their details on TMDB. It needs an API key (v3) or read access token (v4) from your TMDB
          account's API settings.
        </p>
        {config.isPending && <Loading what="TMDB settings" />}
        {config.isError && <ErrorMessage error={config.error} title="TMDB settings unavailable" />}
        {config.data && (
          <>
            <dl className="facts">
              <div className="facts__row">
                <dt>State</dt>
                <dd data-testid="tmdb-state">
                  {config.data.configured ? (
                    <span className="badge badge--ok">Configured</span>
                  ) : (
                    <span className="badge badge--warning">Not configured</span>
                  )}
                </dd>
              </div>
              {config.data.apiUrl && (
                <div className="facts__row">
                  <dt>API address</dt>
                  <dd>{config.data.apiUrl}</dd>
                </div>
              )}
              {config.data.fromEnvironment && (
                <div className="facts__row">
                  <dt>API key</dt>
                  <dd>
                    Set by the environment (<code>REELARR_TMDB_API_KEY</code>); change it there.
                  </dd>
                </div>
              )}
            </dl>
            {!config.data.fromEnvironment && (
              <form className="form form--narrow" onSubmit={onSubmit} aria-busy={save.isPending}>
                <Field
                  label="API key"
                  name="apiKey"
                  type="password"
                  autoComplete="off"
                  required
                  spellCheck={false}
                  placeholder={config.data.configured ? "•••••••• (saved; enter a new one to replace it)" : ""}
                  value={apiKey}
                  error={errors.fields.apiKey}
                  hint="Checked with TMDB before it is saved."
                  onChange={(e) => {
                    setApiKey(e.target.value);
                    if (save.isError) save.reset();
                  }}
                />
                {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="TMDB refused the key" />}
                {errors.general.length > 0 && (
                  <div className="alert alert--error" role="alert">
                    {errors.general.join(" ")}
                  </div>
                )}
                {save.isSuccess && (
                  <div className="alert alert--ok" role="status">
                    Saved: TMDB accepted the key.
                  </div>
                )}
                <div>
                  <button type="submit" className="button button--primary" disabled={save.isPending || !apiKey.trim()}>
                    {save.isPending ? "Checking…" : "Save"}
                  </button>
                </div>
              </form>
            )}
          </>
        )}
      </section>
    </>
  );
}
