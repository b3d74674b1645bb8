// Shaping a movie's credits for its page: the billed cast, and the crew gathered by job.
import type { Credit } from "../api/types";

/** Jobs people look for first, in this order; every other job follows by department. */
const KEY_JOBS = [
  "Director",
  "Screenplay",
  "Writer",
  "Novel",
  "Story",
  "Producer",
  "Director of Photography",
  "Original Music Composer",
  "Editor",
];

export interface CrewJob {
  job: string;
  department: string;
  people: { name: string; personTmdbId: number }[];
}

/** The cast in billing order. */
export function castOf(credits: readonly Credit[]): Credit[] {
  return credits.filter((c) => c.type === "cast").sort((a, b) => a.order - b.order);
}

/** The crew as one entry per job (a person once per job): key jobs first, then by department and job. */
export function crewByJob(credits: readonly Credit[]): CrewJob[] {
  const jobs = new Map<string, CrewJob>();
  for (const credit of credits) {
    if (credit.type !== "crew" || !credit.job) continue;
    let entry = jobs.get(credit.job);
    if (!entry) {
      entry = { job: credit.job, department: credit.department ?? "", people: [] };
      jobs.set(credit.job, entry);
    }
    if (!entry.people.some((p) => p.personTmdbId === credit.personTmdbId)) {
      entry.people.push({ name: credit.personName, personTmdbId: credit.personTmdbId });
    }
  }
  const rank = (job: string) => {
    const index = KEY_JOBS.indexOf(job);
    return index < 0 ? KEY_JOBS.length : index;
  };
  return [...jobs.values()].sort(
    (a, b) => rank(a.job) - rank(b.job) || a.department.localeCompare(b.department) || a.job.localeCompare(b.job),
  );
}
