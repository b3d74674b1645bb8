// Delay profiles as Radarr's Settings → Profiles shows them: the protocol choice, delays in words,
// and moving a profile up or down through the server's reorder. Pure.
import type { DelayProfile } from "../api/profiles";
import { formatInterval } from "./format";

/** The global profile: for films without a tagged profile; always last, never deleted. */
export const GLOBAL_DELAY_PROFILE_ID = 1;

export const isGlobal = (profile: Pick<DelayProfile, "id">): boolean => profile.id === GLOBAL_DELAY_PROFILE_ID;

export type ProtocolChoice = "preferUsenet" | "preferTorrent" | "onlyUsenet" | "onlyTorrent";

export const PROTOCOL_CHOICES: { value: ProtocolChoice; label: string }[] = [
  { value: "preferUsenet", label: "Prefer Usenet" },
  { value: "preferTorrent", label: "Prefer Torrent" },
  { value: "onlyUsenet", label: "Only Usenet" },
  { value: "onlyTorrent", label: "Only Torrent" },
];

/** Radarr's one select for the three values it stands for. */
export function protocolChoice(profile: Pick<DelayProfile, "enableUsenet" | "enableTorrent" | "preferredProtocol">): ProtocolChoice {
  if (!profile.enableTorrent) return "onlyUsenet";
  if (!profile.enableUsenet) return "onlyTorrent";
  return profile.preferredProtocol === "torrent" ? "preferTorrent" : "preferUsenet";
}

export function withProtocolChoice<T extends DelayProfile>(profile: T, choice: ProtocolChoice): T {
  return {
    ...profile,
    enableUsenet: choice !== "onlyTorrent",
    enableTorrent: choice !== "onlyUsenet",
    preferredProtocol: choice === "preferTorrent" || choice === "onlyTorrent" ? "torrent" : "usenet",
  };
}

export function protocolLabel(profile: DelayProfile): string {
  const choice = protocolChoice(profile);
  return PROTOCOL_CHOICES.find((c) => c.value === choice)?.label ?? choice;
}

/** A delay in minutes as words; "No delay" for none, "—" for a protocol the profile does not use. */
export function delayText(minutes: number, used = true): string {
  if (!used) return "—";
  return minutes > 0 ? formatInterval(minutes) : "No delay";
}

/** A new tagged profile: Radarr's defaults. */
export function newDelayProfile(): DelayProfile {
  return {
    id: 0,
    enableUsenet: true,
    enableTorrent: true,
    preferredProtocol: "usenet",
    usenetDelay: 0,
    torrentDelay: 0,
    bypassIfHighestQuality: false,
    bypassIfAboveCustomFormatScore: false,
    minimumCustomFormatScore: 0,
    order: 0,
    tags: [],
  };
}

/**
 * The reorder call that moves the profile at `index` one place up or down (`after`: the profile it
 * goes behind, null for first), or null when it cannot move: the global profile stays last.
 */
export function moveDelayProfile(profiles: readonly DelayProfile[], index: number, direction: "up" | "down"): { id: number; after: number | null } | null {
  const profile = profiles[index];
  if (!profile || isGlobal(profile)) return null;
  if (direction === "up") {
    if (index === 0) return null;
    return { id: profile.id, after: profiles[index - 2]?.id ?? null };
  }
  const below = profiles[index + 1];
  if (!below || isGlobal(below)) return null;
  return { id: profile.id, after: below.id };
}
