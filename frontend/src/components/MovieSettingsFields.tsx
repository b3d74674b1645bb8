import { useQualityProfiles } from "../api/library";
import type { MinimumAvailability } from "../api/types";
import { AVAILABILITIES, AVAILABILITY_LABELS } from "../lib/movies";
import { SelectField } from "./Field";

interface SelectProps<T> {
  value: T;
  onChange: (value: T) => void;
  error?: string;
  hint?: string;
  required?: boolean;
}

/** The quality profile picker of the add, edit and import forms. */
export function QualityProfileSelect({ value, onChange, error, hint, required }: SelectProps<number>) {
  const profiles = useQualityProfiles();
  return (
    <SelectField
      label="Quality profile"
      name="qualityProfileId"
      required={required}
      value={value}
      error={error}
      hint={hint}
      onChange={(e) => onChange(Number(e.target.value))}
    >
      {profiles.data?.map((profile) => (
        <option key={profile.id} value={profile.id}>
          {profile.name}
        </option>
      ))}
    </SelectField>
  );
}

/** The minimum availability picker of the add, edit and import forms. */
export function AvailabilitySelect({ value, onChange, error, hint, required }: SelectProps<MinimumAvailability>) {
  return (
    <SelectField
      label="Minimum availability"
      name="minimumAvailability"
      required={required}
      value={value}
      error={error}
      hint={hint}
      onChange={(e) => onChange(e.target.value as MinimumAvailability)}
    >
      {AVAILABILITIES.map((a) => (
        <option key={a} value={a}>
          {AVAILABILITY_LABELS[a]}
        </option>
      ))}
    </SelectField>
  );
}
