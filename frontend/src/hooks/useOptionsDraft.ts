import { useEffect, useState, type FormEvent } from "react";
import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import { placeErrors, type PlacedErrors } from "../lib/validation";

/**
 * The editing state of a settings section saved whole (Radarr's `/config/*` pages): a draft taken
 * from the server once, changes that clear the last save's errors, a submit that keeps what the
 * server saved, and the server's validation failures placed by field.
 */
export function useOptionsDraft<T extends object>(
  config: UseQueryResult<T>,
  save: UseMutationResult<T, Error, T>,
  fields: Record<string, string>,
) {
  const [draft, setDraft] = useState<T | null>(null);
  useEffect(() => {
    if (config.data && draft === null) setDraft(config.data);
  }, [config.data, draft]);
  const failures = save.error instanceof ApiError ? save.error.validationFailures : [];
  const errors: PlacedErrors = placeErrors(failures, fields);
  const update = (changes: Partial<T>) => {
    save.reset();
    setDraft((current) => (current === null ? current : { ...current, ...changes }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft !== null) save.mutate(draft, { onSuccess: (saved) => setDraft(saved) });
  };
  return { draft, errors, failures, update, onSubmit };
}
