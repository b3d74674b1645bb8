import type { Indexer } from "../../../api/providers";
import { Checkbox, Field } from "../../../components/Field";
import { ProviderDialog } from "../../../components/providers/ProviderDialog";
import { isProwlarrIndexer } from "../../../lib/indexers";

const OWN = ["enableRss", "enableAutomaticSearch", "enableInteractiveSearch", "priority", "queriesPerHour"];

const wholeNumber = (text: string) => (text.trim() === "" ? 0 : Math.trunc(Number(text)) || 0);

/**
 * Radarr's indexer form: the switches, the implementation's settings drawn from its schema (advanced
 * ones behind "Show advanced"), priority, Reelarr's hourly query budget and tags; Test asks the
 * site as the form stands, and a save the server refuses can be forced.
 */
export function IndexerDialog({ indexer, onClose }: { indexer: Indexer; onClose: () => void }) {
  const prowlarr = isProwlarrIndexer(indexer);
  return (
    <ProviderDialog<Indexer>
      family="indexer"
      noun="indexer"
      provider={indexer}
      own={OWN}
      advancedOwn={[{ key: "priority", label: "Priority" }]}
      onClose={onClose}
      notices={
        prowlarr && <div className="alert alert--notice">Prowlarr added this indexer and keeps it in step: what you change here is replaced at Prowlarr's next sync.</div>
      }
      deleteNote={prowlarr ? "Prowlarr adds it again at its next sync unless it is removed there." : undefined}
      tagsHint="Tagged indexers are only used for movies with at least one of their tags; without tags, for every movie."
      testPassed="Test passed: the indexer answered as it should."
      before={({ draft, update }) => (
        <>
          <Checkbox
            label="Enable RSS"
            checked={draft.enableRss}
            disabled={!draft.supportsRss}
            hint={draft.supportsRss ? "Used when Reelarr periodically looks for new releases (RSS sync)." : "This indexer has no RSS feed."}
            onChange={(e) => update({ enableRss: e.target.checked })}
          />
          <Checkbox
            label="Enable automatic search"
            checked={draft.enableAutomaticSearch}
            disabled={!draft.supportsSearch}
            hint={draft.supportsSearch ? "Used by automatic searches (a film added, the Search button, missing and cutoff unmet searches)." : "This indexer cannot be searched."}
            onChange={(e) => update({ enableAutomaticSearch: e.target.checked })}
          />
          <Checkbox
            label="Enable interactive search"
            checked={draft.enableInteractiveSearch}
            disabled={!draft.supportsSearch}
            hint={draft.supportsSearch ? "Used by interactive search on a movie's page." : "This indexer cannot be searched."}
            onChange={(e) => update({ enableInteractiveSearch: e.target.checked })}
          />
        </>
      )}
      after={({ draft, update, errors, showAdvanced }) => (
        <>
          {showAdvanced && (
            <Field
              label="Indexer priority"
              name="priority"
              type="number"
              min={1}
              max={50}
              value={draft.priority}
              error={errors.priority}
              hint="From 1 (highest) to 50 (lowest), default 25. Breaks ties between otherwise equal releases."
              onChange={(e) => update({ priority: wholeNumber(e.target.value) })}
            />
          )}
          <Field
            label="Queries per hour"
            name="queriesPerHour"
            type="number"
            min={0}
            value={draft.queriesPerHour}
            error={errors.queriesPerHour}
            hint="How many backlog searches (missing and cutoff unmet films) may go to this indexer each hour, so a large library never gets an account banned. 0: no limit."
            onChange={(e) => update({ queriesPerHour: wholeNumber(e.target.value) })}
          />
        </>
      )}
    />
  );
}
