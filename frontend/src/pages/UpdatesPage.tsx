import { useUpdates } from "../api/general";
import { ErrorMessage, Loading } from "../components/Feedback";

/** System → Updates (Radarr's /system/updates): the running version and how to upgrade; Reelarr does not update itself. */
export function UpdatesPage() {
  const updates = useUpdates();
  const running = updates.data?.find((u) => u.installed);
  return (
    <>
      <h1>Updates</h1>
      {updates.isPending && <Loading what="the version" />}
      {updates.isError && <ErrorMessage error={updates.error} title="The version could not be read" />}
      {running && (
        <section className="panel" aria-labelledby="running-heading">
          <h2 id="running-heading">Installed version</h2>
          <p>
            Reelarr <strong data-testid="running-version">{running.version}</strong> is running.
          </p>
          <p>{running.upgradeInstructions}</p>
        </section>
      )}
    </>
  );
}
