// The quality profile editor's rules: ordering, groups, allowed qualities and the cutoff. Pure.
// A profile's `items` run from least to most preferred; the editor shows them the other way round
// (most preferred on top, as Radarr does), so "up" means "more preferred", a higher index.
import type { FormatItem, QualityProfile, QualityProfileItem } from "../api/types";

/** The first id a group may have (the server's rule); qualities have lower ids. */
export const FIRST_GROUP_ID = 1000;

export type Direction = "up" | "down";

export const isGroup = (item: QualityProfileItem): boolean => item.quality === undefined;

/** The id a cutoff refers to: the group's id, or the quality's. */
export function itemId(item: QualityProfileItem): number {
  return item.quality?.id ?? item.id ?? 0;
}

export function itemName(item: QualityProfileItem): string {
  return item.quality?.name ?? item.name ?? "";
}

/** A key that stays with a row while it moves. */
export function itemKey(item: QualityProfileItem): string {
  return isGroup(item) ? `group-${item.id}` : `quality-${item.quality?.id}`;
}

/** The id a new group gets: above every group id in the profile. */
export function nextGroupId(items: readonly QualityProfileItem[]): number {
  return Math.max(FIRST_GROUP_ID, ...items.filter(isGroup).map((g) => g.id ?? 0)) + 1;
}

function swap<T>(list: readonly T[], a: number, b: number): T[] {
  const copy = list.slice();
  [copy[a], copy[b]] = [copy[b] as T, copy[a] as T];
  return copy;
}

/** Whether a row (top level: [index]; in a group: [group, child]) can move that way. */
export function canMove(items: readonly QualityProfileItem[], path: readonly number[], direction: Direction): boolean {
  const [index = 0, child] = path;
  const siblings = child === undefined ? items : (items[index]?.items ?? []);
  const at = child ?? index;
  return direction === "up" ? at < siblings.length - 1 : at > 0;
}

/** Move a row one place among its siblings (a group moves as one; a quality in a group stays in it). */
export function moveItem(items: readonly QualityProfileItem[], path: readonly number[], direction: Direction): QualityProfileItem[] {
  if (!canMove(items, path, direction)) return items.slice();
  const [index = 0, child] = path;
  const step = direction === "up" ? 1 : -1;
  if (child === undefined) return swap(items, index, index + step);
  return items.map((item, i) => (i === index ? { ...item, items: swap(item.items, child, child + step) } : item));
}

function asGroupMembers(item: QualityProfileItem, allowed: boolean): QualityProfileItem[] {
  return (isGroup(item) ? item.items : [item]).map((member) => ({ ...member, allowed }));
}

/**
 * Put a top-level row and the one shown below it (less preferred) into one group: two qualities
 * make a new group named after the upper one; a quality joins a group; two groups become the
 * upper one. The group is allowed when either was.
 */
export function groupWithBelow(items: readonly QualityProfileItem[], index: number): QualityProfileItem[] {
  const upper = items[index];
  const lower = items[index - 1];
  if (!upper || !lower) return items.slice();
  const allowed = upper.allowed || lower.allowed;
  const host = isGroup(upper) ? upper : isGroup(lower) ? lower : undefined;
  const group: QualityProfileItem = {
    id: host?.id ?? nextGroupId(items),
    name: host?.name ?? itemName(upper),
    allowed,
    items: [...asGroupMembers(lower, allowed), ...asGroupMembers(upper, allowed)],
  };
  return [...items.slice(0, index - 1), group, ...items.slice(index + 1)];
}

/** Replace a group by its qualities, in its place; each keeps the group's allowed state. */
export function ungroup(items: readonly QualityProfileItem[], index: number): QualityProfileItem[] {
  const group = items[index];
  if (!group || !isGroup(group)) return items.slice();
  return [...items.slice(0, index), ...asGroupMembers(group, group.allowed), ...items.slice(index + 1)];
}

/** Take a quality out of its group; it is shown right below the group. An emptied group goes. */
export function removeFromGroup(items: readonly QualityProfileItem[], index: number, child: number): QualityProfileItem[] {
  const group = items[index];
  const member = group?.items[child];
  if (!group || !member) return items.slice();
  const rest = group.items.filter((_, i) => i !== child);
  const kept = rest.length > 0 ? [{ ...group, items: rest }] : [];
  return [...items.slice(0, index), { ...member, allowed: group.allowed }, ...kept, ...items.slice(index + 1)];
}

export function renameGroup(items: readonly QualityProfileItem[], index: number, name: string): QualityProfileItem[] {
  return items.map((item, i) => (i === index && isGroup(item) ? { ...item, name } : item));
}

/** Allow or refuse a top-level row; a group's qualities follow it. */
export function setAllowed(items: readonly QualityProfileItem[], index: number, allowed: boolean): QualityProfileItem[] {
  return items.map((item, i) =>
    i === index ? { ...item, allowed, items: item.items.map((member) => ({ ...member, allowed })) } : item,
  );
}

/** What the cutoff may be: the allowed rows, most preferred first. */
export function cutoffOptions(items: readonly QualityProfileItem[]): { id: number; name: string }[] {
  return items
    .filter((item) => item.allowed)
    .map((item) => ({ id: itemId(item), name: itemName(item) }))
    .reverse();
}

/**
 * Keep the cutoff on an allowed row: a quality that went into a group hands it to the group;
 * otherwise a cutoff that is not allowed any more falls to the least preferred allowed row
 * (Radarr's rule), or 0 when nothing is allowed.
 */
export function ensureCutoff(profile: QualityProfile): QualityProfile {
  const { items, cutoff } = profile;
  if (items.some((item) => item.allowed && itemId(item) === cutoff)) return profile;
  const holder = items.find((item) => item.allowed && isGroup(item) && item.items.some((m) => itemId(m) === cutoff));
  const first = items.find((item) => item.allowed);
  const next = holder ?? first;
  return { ...profile, cutoff: next ? itemId(next) : 0 };
}

/** The profile with new rows, its cutoff kept valid. */
export function withItems(profile: QualityProfile, items: QualityProfileItem[]): QualityProfile {
  return ensureCutoff({ ...profile, items });
}

/** The allowed rows' names, most preferred first (the profile list shows them). */
export function allowedNames(items: readonly QualityProfileItem[]): string[] {
  return cutoffOptions(items).map((option) => option.name);
}

/** A copy of a profile to start a new one from: no id, "(copy)" after the name. */
export function copyOf(profile: QualityProfile): QualityProfile {
  return { ...profile, id: 0, name: `${profile.name} (copy)` };
}

/** The order Radarr lists a profile's format scores in: highest score first, then by name (numbers as numbers). */
export function formatScoreOrder(items: readonly FormatItem[]): number[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.score - a.item.score || a.item.name.localeCompare(b.item.name, undefined, { numeric: true }))
    .map(({ index }) => index);
}
