import { useId, type InputHTMLAttributes } from "react";

type FieldProps = { label: string } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled text input (the label names it for assistive tech and for tests). */
export function Field({ label, ...input }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}

export function Checkbox({ label, ...input }: FieldProps) {
  const id = useId();
  return (
    <div className="field field--check">
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
