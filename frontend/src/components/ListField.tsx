import { useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { CloseIcon } from "./Icons";
import "./forms.css";

interface ListFieldProps {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
  placeholder?: string;
  /** Classes for the chips (a release profile's required terms look different from ignored ones). */
  chipClass?: string;
}

/** Free text items (release profile terms, a provider's tag field) as chips; Enter adds, Backspace removes the last. */
export function ListField({ label, values, onChange, error, hint, placeholder = "Type, then Enter", chipClass = "" }: ListFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState("");

  const add = () => {
    const item = draft.trim();
    if (item && !values.includes(item)) onChange([...values, item]);
    setDraft("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && !draft && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };

  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {values.length > 0 && (
        <ul className="chips" aria-label={`Chosen: ${label}`}>
          {values.map((item) => (
            <li key={item} className={`chip ${chipClass}`.trim()}>
              <span className="chip__text">{item}</span>
              <button type="button" className="chip__remove" aria-label={`Remove ${item} from ${label}`} onClick={() => onChange(values.filter((v) => v !== item))}>
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        value={draft}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
