// Conditions of rules built from typed conditions (custom formats, auto tagging) as the server takes them. Pure.
import type { ProviderField } from "../api/providers";

interface ConditionLike {
  name: string;
  implementation: string;
  negate: boolean;
  required: boolean;
  fields: readonly ProviderField[];
}

/** A condition as the server takes it: the name trimmed, its fields as `[{name, value}]`. */
export function conditionBody(spec: ConditionLike) {
  return {
    name: spec.name.trim(),
    implementation: spec.implementation,
    negate: spec.negate,
    required: spec.required,
    fields: spec.fields.map((f) => ({ name: f.name, value: f.value ?? null })),
  };
}
