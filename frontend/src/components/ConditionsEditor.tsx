// The conditions part of an editor whose rule is a list of typed conditions (custom formats, auto
// tagging): each condition's name, fields, Negate and Required, a remove button, and a select that
// adds a condition of a type from the schema.
import type { ReactNode } from "react";
import type { ProviderField } from "../api/providers";
import { ErrorMessage } from "./Feedback";
import { Checkbox, Field } from "./Field";
import { ProviderFields } from "./ProviderFields";
import { withFieldValue } from "../lib/providerForm";

/** What every condition type in a schema has. */
export interface ConditionType {
  implementation: string;
  implementationName: string;
}

/** A condition being edited; `key` only keeps React's rows apart. */
export interface EditedCondition extends ConditionType {
  key: string;
  name: string;
  negate: boolean;
  required: boolean;
  fields: ProviderField[];
}

/** The server's messages about one condition: its own, and those about its fields by name. */
export interface ConditionErrors {
  general: string[];
  fields: Record<string, string>;
}

interface ConditionProps<C extends EditedCondition> {
  condition: C;
  title: string;
  fields: ProviderField[];
  hint: ReactNode;
  errors: ConditionErrors | undefined;
  onChange: (condition: C) => void;
  onRemove: () => void;
}

function Condition<C extends EditedCondition>({ condition, title, fields, hint, errors, onChange, onRemove }: ConditionProps<C>) {
  return (
    <li className="condition">
      <fieldset className="fieldset condition__fields" aria-label={title}>
        <legend>{title}</legend>
        <Field label="Condition name" autoComplete="off" value={condition.name} onChange={(e) => onChange({ ...condition, name: e.target.value })} />
        <ProviderFields fields={fields} errors={errors?.fields ?? {}} onChange={(name, value) => onChange(withFieldValue(condition, name, value))} />
        <div className="check-list">
          <Checkbox label="Negate" checked={condition.negate} onChange={(e) => onChange({ ...condition, negate: e.target.checked })} />
          <Checkbox label="Required" checked={condition.required} onChange={(e) => onChange({ ...condition, required: e.target.checked })} />
        </div>
        {hint}
        {errors && errors.general.length > 0 && (
          <p className="field__error" role="alert">
            {errors.general.join(" ")}
          </p>
        )}
        <div>
          <button type="button" className="button button--small button--danger-quiet" onClick={onRemove}>
            Remove condition
          </button>
        </div>
      </fieldset>
    </li>
  );
}

function AddCondition<S extends ConditionType>({ schema, onAdd }: { schema: readonly S[]; onAdd: (type: S) => void }) {
  return (
    <label className="inline-select">
      <span>Add condition</span>
      <select
        value=""
        onChange={(e) => {
          const type = schema.find((s) => s.implementation === e.target.value);
          if (type) onAdd(type);
        }}
      >
        <option value="">Choose a type…</option>
        {schema.map((type) => (
          <option key={type.implementation} value={type.implementation}>
            {type.implementationName}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface ConditionsEditorProps<S extends ConditionType, C extends EditedCondition> {
  /** The id of the "Conditions" heading the section is labelled by. */
  headingId: string;
  /** What the conditions mean together, under the heading. */
  hint: ReactNode;
  conditions: readonly C[];
  /** The condition types, once loaded. */
  schema: readonly S[] | undefined;
  /** Why the condition types could not be loaded, if they could not. */
  schemaError: unknown;
  titleOf: (condition: C, index: number) => string;
  /** The fields as the form draws them. */
  fieldsOf: (condition: C) => ProviderField[];
  errorsOf: (index: number) => ConditionErrors | undefined;
  /** Said under each condition's Negate and Required, if anything. */
  conditionHint?: ReactNode;
  onChange: (index: number, condition: C) => void;
  onRemove: (index: number) => void;
  onAdd: (type: S) => void;
}

/** A rule's conditions, each editable and removable, and a select to add one of a type from the schema. */
export function ConditionsEditor<S extends ConditionType, C extends EditedCondition>(props: ConditionsEditorProps<S, C>) {
  const { headingId, hint, conditions, schema, schemaError, titleOf, fieldsOf, errorsOf, conditionHint, onChange, onRemove, onAdd } = props;
  return (
    <section aria-labelledby={headingId} className="conditions">
      <h3 id={headingId}>Conditions</h3>
      <p className="field__hint">{hint}</p>
      {conditions.length === 0 && <p className="muted">No conditions yet.</p>}
      <ol className="conditions__list">
        {conditions.map((condition, index) => (
          <Condition
            key={condition.key}
            condition={condition}
            title={titleOf(condition, index)}
            fields={fieldsOf(condition)}
            hint={conditionHint}
            errors={errorsOf(index)}
            onChange={(changed) => onChange(index, changed)}
            onRemove={() => onRemove(index)}
          />
        ))}
      </ol>
      {schema && <AddCondition schema={schema} onAdd={onAdd} />}
      {Boolean(schemaError) && <ErrorMessage error={schemaError} title="The condition types could not be loaded" />}
    </section>
  );
}
