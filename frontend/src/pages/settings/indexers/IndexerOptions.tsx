import { useIndexerConfig, useSaveIndexerConfig } from "../../../api/providers";
import { ErrorMessage, Loading } from "../../../components/Feedback";
import { useOptionsDraft } from "../../../hooks/useOptionsDraft";
import { Checkbox, Field } from "../../../components/Field";
import { ListField } from "../../../components/ListField";
import { joinList, splitList } from "../../../lib/indexers";

type NumberOption = "minimumAge" | "retention" | "maximumSize" | "rssSyncInterval" | "availabilityDelay";

const NUMBERS: { key: NumberOption; label: string; hint: string; min?: number }[] = [
  { key: "minimumAge", label: "Minimum age (minutes)", hint: "Usenet only: how old a release must be before it is grabbed, so new ones have time to reach your news server.", min: 0 },
  { key: "retention", label: "Retention (days)", hint: "Usenet only: releases older than this are not grabbed. 0: unlimited.", min: 0 },
  { key: "maximumSize", label: "Maximum size (MB)", hint: "Larger releases are not grabbed. 0: unlimited.", min: 0 },
  { key: "rssSyncInterval", label: "RSS sync interval (minutes)", hint: "From 10 to 120; 0 turns RSS sync off, and with it every automatic grab of new releases.", min: 0 },
  { key: "availabilityDelay", label: "Availability delay (days)", hint: "Days before (negative) or after a film's minimum availability date to start searching for it." },
];

const FIELDS = Object.fromEntries([...NUMBERS.map((n) => [n.key, n.key]), ["whitelistedHardcodedSubs", "whitelistedHardcodedSubs"]]);

/** Radarr's indexer options, which every search and RSS sync obeys. */
export function IndexerOptions() {
  const config = useIndexerConfig();
  const save = useSaveIndexerConfig();
  const { draft, errors, failures, update, onSubmit } = useOptionsDraft(config, save, FIELDS);

  if (config.isPending) return <Loading what="the indexer options" />;
  if (config.isError) return <ErrorMessage error={config.error} title="The indexer options could not be loaded" />;
  if (!draft) return null;


  return (
    <form className="form" onSubmit={onSubmit} aria-label="Indexer options" aria-busy={save.isPending} noValidate>
      <div className="form-grid">
        {NUMBERS.map(({ key, label, hint, min }) => (
          <Field
            key={key}
            label={label}
            name={key}
            type="number"
            step={1}
            min={min}
            value={draft[key]}
            hint={hint}
            error={errors.fields[key]}
            onChange={(e) => update({ [key]: Math.trunc(Number(e.target.value)) || 0 })}
          />
        ))}
      </div>
      <Checkbox
        label="Prefer indexer flags"
        checked={draft.preferIndexerFlags}
        hint="Rank releases with special flags (freeleech, internal...) above otherwise equal ones."
        onChange={(e) => update({ preferIndexerFlags: e.target.checked })}
      />
      <Checkbox
        label="Allow hardcoded subs"
        checked={draft.allowHardcodedSubs}
        hint="Releases with subtitles burnt into the picture may be grabbed."
        onChange={(e) => update({ allowHardcodedSubs: e.target.checked })}
      />
      <ListField
        label="Whitelisted subtitle tags"
        values={splitList(draft.whitelistedHardcodedSubs)}
        error={errors.fields.whitelistedHardcodedSubs}
        hint="Subtitle tags named here are not taken for hardcoded subtitles."
        onChange={(items) => update({ whitelistedHardcodedSubs: joinList(items) })}
      />
      {errors.general.length > 0 && (
        <div className="alert alert--error" role="alert">
          {errors.general.join(" ")}
        </div>
      )}
      {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save options"}
        </button>
        <span role="status">{save.isSuccess && "Options saved"}</span>
      </div>
    </form>
  );
}
