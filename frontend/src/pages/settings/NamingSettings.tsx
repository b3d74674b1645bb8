import { useEffect, useState, type FormEvent } from "react";
import { ApiError } from "../../api/errors";
import {
  useNamingConfig,
  useNamingExamples,
  useSaveNamingConfig,
  type ColonReplacementFormat,
  type NamingConfig,
} from "../../api/naming";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Checkbox, Field, SelectField } from "../../components/Field";
import { useDebounced } from "../../hooks/useDebounced";
import { placeErrors } from "../../lib/validation";

const COLON_MODES: { value: ColonReplacementFormat; label: string }[] = [
  { value: "delete", label: "Delete" },
  { value: "dash", label: "Replace with dash" },
  { value: "spaceDash", label: "Replace with space dash" },
  { value: "spaceDashSpace", label: "Replace with space dash space" },
  { value: "smart", label: "Smart replace (dash, or space dash space after a word)" },
];

const FIELDS = { standardMovieFormat: "standardMovieFormat", movieFolderFormat: "movieFolderFormat" };

function Example({ label, value }: { label: string; value: string | undefined }) {
  return (
    <p className="field__hint">
      {label}: {value ? <code>{value}</code> : <span className="field__error">no name (the format is not valid)</span>}
    </p>
  );
}

/** Radarr's movie naming settings, with the sample film named live as the formats change. */
export function NamingSettings() {
  const config = useNamingConfig();
  const save = useSaveNamingConfig();
  const [draft, setDraft] = useState<NamingConfig | null>(null);
  useEffect(() => {
    if (config.data && draft === null) setDraft(config.data);
  }, [config.data, draft]);
  const examples = useNamingExamples(useDebounced(draft, 300));
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const errors = placeErrors(failures, FIELDS);

  if (config.isPending) return <Loading what="the naming settings" />;
  if (config.isError) return <ErrorMessage error={config.error} title="The naming settings could not be loaded" />;
  if (!draft) return null;

  const update = (changes: Partial<NamingConfig>) => {
    save.reset();
    setDraft({ ...draft, ...changes });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: (saved) => setDraft(saved) });
  };

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Movie naming" aria-busy={save.isPending} noValidate>
      <Checkbox
        label="Rename movies"
        checked={draft.renameMovies}
        hint="Name imported files by the format below; otherwise they keep the name they came with."
        onChange={(e) => update({ renameMovies: e.target.checked })}
      />
      <Checkbox
        label="Replace illegal characters"
        checked={draft.replaceIllegalCharacters}
        hint="Replace characters file names cannot hold (? becomes !, * becomes -); otherwise they are removed."
        onChange={(e) => update({ replaceIllegalCharacters: e.target.checked })}
      />
      {draft.replaceIllegalCharacters && (
        <SelectField
          label="Colon replacement"
          value={draft.colonReplacementFormat}
          onChange={(e) => update({ colonReplacementFormat: e.target.value as ColonReplacementFormat })}
        >
          {COLON_MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </SelectField>
      )}
      <Field
        label="Standard movie format"
        name="standardMovieFormat"
        spellCheck={false}
        autoComplete="off"
        value={draft.standardMovieFormat}
        error={errors.fields.standardMovieFormat}
        onChange={(e) => update({ standardMovieFormat: e.target.value })}
      />
      {examples.data && <Example label="Movie" value={examples.data.movieExample} />}
      <Field
        label="Movie folder format"
        name="movieFolderFormat"
        spellCheck={false}
        autoComplete="off"
        value={draft.movieFolderFormat}
        error={errors.fields.movieFolderFormat}
        hint="Used when a movie is added; tokens that only a file has ({Quality Full}...) are not allowed."
        onChange={(e) => update({ movieFolderFormat: e.target.value })}
      />
      {examples.data && <Example label="Folder" value={examples.data.movieFolderExample} />}
      {examples.isError && <ErrorMessage error={examples.error} title="No example for these settings" />}
      {errors.general.length > 0 && (
        <div className="alert alert--error" role="alert">
          {errors.general.join(" ")}
        </div>
      )}
      {save.isError && failures.length === 0 && <ErrorMessage error={save.error} title="Could not save" />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save naming"}
        </button>
        <span role="status">{save.isSuccess && "Naming saved"}</span>
      </div>
    </form>
  );
}
