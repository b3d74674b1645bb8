// A provider's settings (or a custom format condition's) drawn from its schema `fields`.
import { useId, type ReactNode } from "react";
import type { ProviderField, SelectOption } from "../api/providers";
import {
  addToList,
  fieldKey,
  fieldKind,
  fieldOptions,
  inputText,
  numberFromInput,
  optionLabel,
  optionValue,
  removeFromList,
  SECRET_MASK,
  textFromInput,
} from "../lib/providerForm";
import { Checkbox, Field, SelectField } from "./Field";
import { CloseIcon } from "./Icons";
import { ListField } from "./ListField";
import { OAuthField, type RunAction } from "./OAuthField";
import "./forms.css";

/** Options listed by a provider action for a field (a site's categories), while they load or once they failed. */
export interface ListedOptions {
  options?: SelectOption[] | undefined;
  loading: boolean;
  failed: boolean;
}

interface ProviderFieldsProps {
  fields: readonly ProviderField[];
  /** Server messages by form key (`fields.<name>`). */
  errors: Record<string, string>;
  onChange: (name: string, value: unknown) => void;
  /** For fields whose options a provider action lists. */
  listedOptions?: ((field: ProviderField) => ListedOptions) | undefined;
  /** For `oAuth` fields: the provider's actions and all its fields (the hidden tokens the sign-in fills). */
  oauth?: OAuthSupport | undefined;
}

/** What an `oAuth` field signs in with; without it the field is drawn as one that cannot be changed here. */
export interface OAuthSupport {
  run: RunAction;
  fields: readonly ProviderField[];
  onChange: (name: string, value: unknown) => void;
}

function Help({ field, note }: { field: ProviderField; note?: ReactNode }) {
  if (!field.helpText && !field.helpTextWarning && !field.helpLink && !note) return null;
  return (
    <>
      {field.helpText}
      {field.helpTextWarning && <strong className="field__warning"> {field.helpTextWarning}</strong>}
      {field.helpLink && (
        <>
          {" "}
          <a href={field.helpLink} target="_blank" rel="noreferrer noopener">
            More info
          </a>
        </>
      )}
      {note && <> {note}</>}
    </>
  );
}

const labelOf = (field: ProviderField) => (field.unit ? `${field.label ?? field.name} (${field.unit})` : (field.label ?? field.name));

function MultiSelect({ field, label, error, listed, onChange }: { field: ProviderField; label: string; error?: string | undefined; listed?: ListedOptions | undefined; onChange: (value: unknown) => void }) {
  const id = useId();
  const options = fieldOptions(field, listed?.options);
  const chosen = Array.isArray(field.value) ? (field.value as (number | string)[]) : [];
  const left = options.filter((o) => !chosen.includes(o.value));
  const note = listed?.loading ? "Asking the site for its categories…" : listed?.failed ? "The site's own list could not be read." : undefined;
  return (
    <fieldset className="field field--choices" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} aria-invalid={error ? true : undefined}>
      <legend>{label}</legend>
      {chosen.length > 0 ? (
        <ul className="chips" aria-label={`Chosen ${label}`}>
          {chosen.map((value) => {
            const option = options.find((o) => o.value === value) ?? { value, name: String(value) };
            const name = optionLabel(options, option);
            return (
              <li key={String(value)} className="chip">
                {name}
                {option.hint && <span className="muted"> {option.hint}</span>}
                <button type="button" className="chip__remove" aria-label={`Remove ${name}`} onClick={() => onChange(removeFromList(chosen, value))}>
                  <CloseIcon />
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted field__none">None chosen</p>
      )}
      {left.length > 0 && (
        <select aria-label={`Add to ${label}`} value="" onChange={(e) => e.target.value && onChange(addToList(chosen, optionValue(options, e.target.value)))}>
          <option value="">Add…</option>
          {left.map((option) => (
            <option key={String(option.value)} value={String(option.value)}>
              {optionLabel(options, option)}
              {option.hint ? ` ${option.hint}` : ""}
            </option>
          ))}
        </select>
      )}
      <p id={`${id}-hint`} className="field__hint">
        <Help field={field} note={note} />
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function SettingField({
  field,
  error,
  listed,
  oauth,
  onChange,
}: {
  field: ProviderField;
  error?: string | undefined;
  listed?: ListedOptions | undefined;
  oauth?: OAuthSupport | undefined;
  onChange: (value: unknown) => void;
}) {
  const label = labelOf(field);
  const hint = <Help field={field} />;
  const hasHint = Boolean(field.helpText || field.helpTextWarning || field.helpLink);
  const common = { label, error, hint: hasHint ? hint : undefined, name: field.name };
  const kind = fieldKind(field);
  if (kind === "oAuth" && oauth) {
    const store = (values: Record<string, unknown>) => {
      for (const [name, value] of Object.entries(values)) oauth.onChange(name, value);
    };
    return <OAuthField field={field} fields={oauth.fields} label={label} error={error} runAction={oauth.run} onTokens={store} />;
  }
  switch (kind) {
    case "text":
      return <Field {...common} autoComplete="off" placeholder={field.placeholder} value={inputText(field.value)} onChange={(e) => onChange(textFromInput(field, e.target.value))} />;
    case "password":
      return (
        <Field
          {...common}
          type="password"
          autoComplete="new-password"
          value={inputText(field.value)}
          // A masked secret is replaced, not edited: focusing it selects the mask.
          onFocus={(e) => e.target.value === SECRET_MASK && e.target.select()}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "number":
      return <Field {...common} type="number" step={field.isFloat ? "any" : 1} value={inputText(field.value)} onChange={(e) => onChange(numberFromInput(field, e.target.value))} />;
    case "checkbox":
      return <Checkbox {...common} checked={field.value === true} onChange={(e) => onChange(e.target.checked)} />;
    case "select": {
      const options = fieldOptions(field, listed?.options);
      return (
        <SelectField {...common} value={inputText(field.value)} onChange={(e) => onChange(optionValue(options, e.target.value))}>
          {options.map((option) => (
            <option key={String(option.value)} value={String(option.value)}>
              {optionLabel(options, option)}
            </option>
          ))}
        </SelectField>
      );
    }
    case "multiSelect":
      return <MultiSelect field={field} label={label} error={error} listed={listed} onChange={onChange} />;
    case "list": {
      const values = Array.isArray(field.value) ? field.value.map(String) : [];
      return <ListField label={label} values={values} error={error} hint={hasHint ? hint : undefined} onChange={onChange} />;
    }
    case "oAuth": // without the provider's actions (handled above) it cannot sign in
    case "unsupported":
      return (
        <div className="field">
          <span className="field__label">{label}</span>
          <p className="muted">
            This kind of setting ({field.type}) cannot be changed here yet; its value is kept as it is.
          </p>
          {error && <p className="field__error">{error}</p>}
        </div>
      );
  }
}

/** The settings fields, each drawn as its type asks, with the server's messages under them. */
export function ProviderFields({ fields, errors, onChange, listedOptions, oauth }: ProviderFieldsProps) {
  return (
    <>
      {fields.map((field) => (
        <SettingField
          key={field.name}
          field={field}
          error={errors[fieldKey(field.name)]}
          listed={field.selectOptionsProviderAction ? listedOptions?.(field) : undefined}
          oauth={oauth}
          onChange={(value) => onChange(field.name, value)}
        />
      ))}
    </>
  );
}
