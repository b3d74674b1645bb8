import { describe, expect, it } from "vitest";
import type { Credit } from "../api/types";
import { castOf, crewByJob } from "./credits";

let nextId = 1;
function credit(fields: Partial<Credit> & Pick<Credit, "personName" | "type">): Credit {
  const id = nextId++;
  return { id, creditTmdbId: `c${id}`, personTmdbId: id, movieMetadataId: 1, images: [], order: 0, ...fields };
}

describe("castOf", () => {
  it("keeps only the cast, in billing order", () => {
    const credits = [
      credit({ personName: "Second", type: "cast", order: 1 }),
      credit({ personName: "Crew", type: "crew", job: "Editor" }),
      credit({ personName: "First", type: "cast", order: 0 }),
    ];
    expect(castOf(credits).map((c) => c.personName)).toEqual(["First", "Second"]);
  });
});

describe("crewByJob", () => {
  it("gathers people by job, key jobs first, then by department and job", () => {
    const lana = credit({ personName: "Lana", type: "crew", job: "Director", department: "Directing" });
    const credits = [
      credit({ personName: "Grip", type: "crew", job: "Key Grip", department: "Crew" }),
      credit({ personName: "Lilly", type: "crew", job: "Screenplay", department: "Writing" }),
      lana,
      credit({ personName: "Lilly", type: "crew", job: "Director", department: "Directing" }),
      { ...lana, id: 99, creditTmdbId: "again" },
      credit({ personName: "Art", type: "crew", job: "Art Direction", department: "Art" }),
      credit({ personName: "Actor", type: "cast", character: "Hero" }),
      credit({ personName: "No job", type: "crew" }),
    ];
    expect(crewByJob(credits).map((j) => [j.job, j.people.map((p) => p.name)])).toEqual([
      ["Director", ["Lana", "Lilly"]],
      ["Screenplay", ["Lilly"]],
      ["Art Direction", ["Art"]],
      ["Key Grip", ["Grip"]],
    ]);
  });
});
