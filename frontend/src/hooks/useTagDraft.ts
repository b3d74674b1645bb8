import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { tagIdsFor } from "../api/library";
import { useTagLabels } from "../components/TagsField";

/**
 * The tags a form edits, as labels for TagsField; `resolve` gives their ids when the form is saved,
 * creating new tags (the ids it was given when the user changed nothing).
 */
export function useTagDraft(ids: readonly number[]) {
  const client = useQueryClient();
  const initial = useTagLabels(ids);
  const [labels, setLabels] = useState<string[] | null>(null);
  return {
    labels: labels ?? initial,
    setLabels,
    resolve: (): Promise<number[]> => (labels === null ? Promise.resolve([...ids]) : tagIdsFor(client, labels)),
  };
}
