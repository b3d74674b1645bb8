import type { DownloadClient } from "../../../api/providers";
import { Checkbox, Field } from "../../../components/Field";
import { ProviderDialog } from "../../../components/providers/ProviderDialog";

const OWN = ["enable", "priority", "removeCompletedDownloads", "removeFailedDownloads"];

const wholeNumber = (text: string) => (text.trim() === "" ? 0 : Math.trunc(Number(text)) || 0);

/**
 * Radarr's download client form: Enable, the implementation's settings drawn from its schema,
 * the client's priority (advanced) and what to remove once handled, and tags.
 */
export function DownloadClientDialog({ client, onClose }: { client: DownloadClient; onClose: () => void }) {
  return (
    <ProviderDialog<DownloadClient>
      family="downloadclient"
      noun="download client"
      provider={client}
      own={OWN}
      advancedOwn={[{ key: "priority", label: "Client priority" }]}
      onClose={onClose}
      tagsHint="Tagged download clients are only used for movies with at least one of their tags; without tags, for every movie."
      testPassed="Test passed: the download client answered as it should."
      before={({ draft, update, errors }) => (
        <Checkbox label="Enable" checked={draft.enable} error={errors.enable} hint="Releases are only sent to enabled clients." onChange={(e) => update({ enable: e.target.checked })} />
      )}
      after={({ draft, update, errors, showAdvanced }) => (
        <>
          {showAdvanced && (
            <Field
              label="Client priority"
              name="priority"
              type="number"
              min={1}
              max={50}
              value={draft.priority}
              error={errors.priority}
              hint="From 1 (highest) to 50 (lowest), default 1. Clients of the same priority take turns."
              onChange={(e) => update({ priority: wholeNumber(e.target.value) })}
            />
          )}
          <fieldset className="fieldset options-group">
            <legend>Completed download handling</legend>
            <Checkbox
              label="Remove completed"
              checked={draft.removeCompletedDownloads}
              error={errors.removeCompletedDownloads}
              hint="Remove imported downloads from the client's history."
              onChange={(e) => update({ removeCompletedDownloads: e.target.checked })}
            />
            <Checkbox
              label="Remove failed"
              checked={draft.removeFailedDownloads}
              error={errors.removeFailedDownloads}
              hint="Remove failed downloads from the client's history."
              onChange={(e) => update({ removeFailedDownloads: e.target.checked })}
            />
          </fieldset>
        </>
      )}
    />
  );
}
