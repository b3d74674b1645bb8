import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

interface Described {
  label: string;
  /** A server validation message for this field, shown under it and tied to it for screen readers. */
  error?: string | undefined;
  hint?: ReactNode;
}

type FieldProps = Described & InputHTMLAttributes<HTMLInputElement>;

function describedBy(id: string, error: string | undefined, hint: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Notes({ id, error, hint }: { id: string; error: string | undefined; hint: ReactNode }) {
  return (
    <>
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
    </>
  );
}

/** A labelled text input (the label names it for assistive tech and for tests). */
export function Field({ label, error, hint, ...input }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
      <Notes id={id} error={error} hint={hint} />
    </div>
  );
}

export function Checkbox({ label, error, hint, ...input }: FieldProps) {
  const id = useId();
  return (
    <div className="field field--check">
      <input id={id} type="checkbox" aria-describedby={describedBy(id, error, hint)} {...input} />
      <label htmlFor={id}>{label}</label>
      <Notes id={id} error={error} hint={hint} />
    </div>
  );
}

type SelectProps = Described & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode };

export function SelectField({ label, error, hint, children, ...select }: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {children}
      </select>
      <Notes id={id} error={error} hint={hint} />
    </div>
  );
}
