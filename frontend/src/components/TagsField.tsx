import { useId, useState, type KeyboardEvent } from "react";
import { useTags } from "../api/library";
import { CloseIcon } from "./Icons";

interface TagsFieldProps {
  label?: string;
  /** Chosen tag labels; new ones are created when the form is saved. */
  value: string[];
  onChange: (labels: string[]) => void;
  error?: string | undefined;
}

/** Tags as removable chips plus an input suggesting the existing ones (Enter or comma adds). */
export function TagsField({ label = "Tags", value, onChange, error }: TagsFieldProps) {
  const id = useId();
  const tags = useTags();
  const [draft, setDraft] = useState("");

  const add = (text: string) => {
    const labels = text
      .split(",")
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t && !value.includes(t));
    if (labels.length > 0) onChange([...value, ...labels]);
    setDraft("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && !draft && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {value.length > 0 && (
        <ul className="chips" aria-label={`Chosen ${label.toLowerCase()}`}>
          {value.map((tag) => (
            <li key={tag} className="chip">
              {tag}
              <button type="button" className="chip__remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(value.filter((t) => t !== tag))}>
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        list={`${id}-known`}
        value={draft}
        placeholder="Type a tag, then Enter"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && add(draft)}
      />
      <datalist id={`${id}-known`}>
        {tags.data?.filter((t) => !value.includes(t.label)).map((t) => <option key={t.id} value={t.label} />)}
      </datalist>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Labels of tag ids, for forms that edit existing tags. */
export function useTagLabels(ids: readonly number[] | undefined): string[] {
  const tags = useTags();
  return (ids ?? []).map((id) => tags.data?.find((t) => t.id === id)?.label ?? String(id));
}
