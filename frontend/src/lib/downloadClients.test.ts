import { describe, expect, it } from "vitest";
import { clientHosts, joinWorkingFolders, mappingBody, splitWorkingFolders } from "./downloadClients";

describe("working folders", () => {
  it("are Radarr's '|'-separated names, blanks dropped", () => {
    expect(splitWorkingFolders("_UNPACK_|_FAILED_")).toEqual(["_UNPACK_", "_FAILED_"]);
    expect(splitWorkingFolders(" _UNPACK_ || ")).toEqual(["_UNPACK_"]);
    expect(splitWorkingFolders("")).toEqual([]);
    expect(joinWorkingFolders(["_UNPACK_", " ", " .tmp "])).toBe("_UNPACK_|.tmp");
  });
});

describe("remote path mappings", () => {
  it("are sent without the spaces around their paths", () => {
    expect(mappingBody({ id: 0, host: " nas ", remotePath: " /downloads/ ", localPath: "/mnt/d " })).toEqual({ id: 0, host: "nas", remotePath: "/downloads/", localPath: "/mnt/d" });
  });

  it("suggest each download client's host once", () => {
    const client = (host: unknown) => ({ fields: [{ name: "host", value: host }] });
    expect(clientHosts([client("nas"), client("localhost"), client("nas"), client(""), { fields: [] }])).toEqual(["localhost", "nas"]);
  });
});
