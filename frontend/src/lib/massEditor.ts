// The library's mass editor: which movies are chosen, and the one change the form describes. Pure.
import type { ApplyTags, MovieEditorBody } from "../api/settings";
import type { MinimumAvailability } from "../api/types";

/** The form as chosen; "" everywhere means "no change". */
export interface EditorChoices {
  monitored: "" | "monitored" | "unmonitored";
  qualityProfileId: number | "";
  minimumAvailability: MinimumAvailability | "";
  rootFolderPath: string;
  moveFiles: boolean;
  tagIds: number[];
  applyTags: ApplyTags;
}

export const NO_CHANGES: EditorChoices = {
  monitored: "",
  qualityProfileId: "",
  minimumAvailability: "",
  rootFolderPath: "",
  moveFiles: false,
  tagIds: [],
  applyTags: "add",
};

/**
 * The body of PUT /movie/editor: only what the form changes. Tags are sent when some are given,
 * or when "replace" with none (that clears every movie's tags).
 */
export function editorBody(movieIds: readonly number[], choices: EditorChoices): MovieEditorBody {
  const body: MovieEditorBody = { movieIds: [...movieIds] };
  if (choices.monitored) body.monitored = choices.monitored === "monitored";
  if (choices.qualityProfileId !== "") body.qualityProfileId = choices.qualityProfileId;
  if (choices.minimumAvailability) body.minimumAvailability = choices.minimumAvailability;
  if (choices.rootFolderPath) {
    body.rootFolderPath = choices.rootFolderPath;
    body.moveFiles = choices.moveFiles;
  }
  if (choices.tagIds.length > 0 || choices.applyTags === "replace") {
    body.tags = [...choices.tagIds];
    body.applyTags = choices.applyTags;
  }
  return body;
}

/** Whether the body changes anything at all. */
export function changesSomething(body: MovieEditorBody): boolean {
  return Object.keys(body).some((key) => key !== "movieIds");
}

/** A selection with one movie added or taken out. */
export function toggled(selected: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(selected);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** Whether every one of `ids` is chosen (false for none). */
export function allChosen(selected: ReadonlySet<number>, ids: readonly number[]): boolean {
  return ids.length > 0 && ids.every((id) => selected.has(id));
}

/** The selection with `ids` all added, or all taken out when they were all in it. */
export function toggledAll(selected: ReadonlySet<number>, ids: readonly number[]): Set<number> {
  const next = new Set(selected);
  if (allChosen(selected, ids)) for (const id of ids) next.delete(id);
  else for (const id of ids) next.add(id);
  return next;
}

/** The selection without movies that are no longer in the library. */
export function stillInLibrary(selected: ReadonlySet<number>, libraryIds: Iterable<number>): Set<number> {
  const present = new Set(libraryIds);
  return new Set([...selected].filter((id) => present.has(id)));
}
