import { describe, expect, it } from "vitest";
import { formatTimeLeft, historyDetails, historyEventLabel, pageCount, queueMessages, queueProgress, queueStatus } from "./activity";

const item = (overrides: Partial<Parameters<typeof queueStatus>[0]> = {}) => ({
  status: "downloading",
  trackedDownloadState: "downloading" as const,
  trackedDownloadStatus: "ok" as const,
  statusMessages: [],
  ...overrides,
});

describe("queue progress", () => {
  it("is the share downloaded, 0 while the size is unknown", () => {
    expect(queueProgress({ size: 1000, sizeleft: 250 })).toBe(0.75);
    expect(queueProgress({ size: 1000, sizeleft: 0 })).toBe(1);
    expect(queueProgress({ size: 0, sizeleft: 0 })).toBe(0);
    expect(queueProgress({ size: 1000, sizeleft: 2000 })).toBe(0);
    expect(queueProgress({ size: 1000, sizeleft: -5 })).toBe(1);
  });
});

describe("time left", () => {
  it("reads as Radarr's clock, with days in front", () => {
    expect(formatTimeLeft("00:05:09")).toBe("00:05:09");
    expect(formatTimeLeft("02:05:09.1234567")).toBe("02:05:09");
    expect(formatTimeLeft("1.02:05:09")).toBe("1d 02:05:09");
    expect(formatTimeLeft("26:00:00")).toBe("1d 02:00:00");
  });

  it("is a dash when unknown, and odd text is shown as is", () => {
    expect(formatTimeLeft(undefined)).toBe("—");
    expect(formatTimeLeft("")).toBe("—");
    expect(formatTimeLeft("soon")).toBe("soon");
  });
});

describe("queue status", () => {
  it("says what the client does while downloading", () => {
    expect(queueStatus(item())).toEqual({ label: "Downloading", tone: "notice", icon: null, showMessages: false });
    expect(queueStatus(item({ status: "queued" })).label).toBe("Queued");
    expect(queueStatus(item({ status: "paused" })).label).toBe("Paused");
    expect(queueStatus(item({ status: "downloadClientUnavailable" })).tone).toBe("error");
  });

  it("says what Reelarr does once the download is complete", () => {
    expect(queueStatus(item({ status: "completed", trackedDownloadState: "importPending" })).label).toBe("Downloaded - Waiting to import");
    expect(queueStatus(item({ status: "completed", trackedDownloadState: "importing" })).label).toBe("Downloaded - Importing");
    expect(queueStatus(item({ status: "completed", trackedDownloadState: "failedPending" })).tone).toBe("error");
  });

  it("shows the messages of a blocked import, and a warning's", () => {
    const messages = [{ title: "Matrix.mkv", messages: ["Not a movie file"] }];
    const blocked = queueStatus(item({ status: "completed", trackedDownloadState: "importBlocked", trackedDownloadStatus: "warning", statusMessages: messages }));
    expect(blocked).toEqual({ label: "Downloaded - Unable to import automatically", tone: "warning", icon: "warning", showMessages: true });
    const warned = queueStatus(item({ status: "warning", trackedDownloadStatus: "warning", statusMessages: messages }));
    expect(warned.icon).toBe("warning");
    expect(warned.showMessages).toBe(true);
    expect(queueStatus(item({ trackedDownloadStatus: "error", errorMessage: "Gone" }))).toMatchObject({ tone: "error", icon: "error", showMessages: true });
    // Messages of a healthy download are not news.
    expect(queueStatus(item({ statusMessages: messages })).showMessages).toBe(false);
  });

  it("names an unknown status as the client does", () => {
    expect(queueStatus(item({ status: "stalled", trackedDownloadState: undefined })).label).toBe("Stalled");
  });
});

describe("queue messages", () => {
  it("are one line per message, with its title, and the client's error", () => {
    const lines = queueMessages({
      statusMessages: [
        { title: "Matrix.mkv", messages: ["Not a movie file", "Sample"] },
        { title: "No files found", messages: [] },
      ],
      errorMessage: "Disk full",
    });
    expect(lines).toEqual(["Matrix.mkv: Not a movie file", "Matrix.mkv: Sample", "No files found", "Disk full"]);
  });
});

describe("history", () => {
  it("names the event types as the UI says them", () => {
    expect(historyEventLabel("grabbed")).toBe("Grabbed");
    expect(historyEventLabel("downloadFolderImported")).toBe("Imported");
    expect(historyEventLabel("somethingNew")).toBe("somethingNew");
  });

  it("lists Radarr's details in its order, sizes and ages in words, and nothing meant for machines", () => {
    const details = historyDetails(
      {
        data: {
          importedPath: "/movies/M.mkv",
          indexer: "Fixture",
          fileId: "3",
          releaseGroup: "",
          downloadClientName: "qBittorrent",
          downloadClient: "QBittorrent",
          downloadUrl: "http://site/dl?apikey=secret",
          size: "1073741824",
          age: "1",
          publishedDate: "2026-12-06T00:15:46Z",
        },
      },
      (iso) => `on ${iso.slice(0, 10)}`,
    );
    expect(details).toEqual([
      ["Indexer", "Fixture"],
      ["Download client", "qBittorrent"],
      ["Imported to", "/movies/M.mkv"],
      ["Size", "1.0 GiB"],
      ["Age", "1 day"],
      ["Published", "on 2026-12-06"],
    ]);
  });

  it("names the client by its type when its name was not kept", () => {
    expect(historyDetails({ data: { downloadClient: "QBittorrent" } })).toEqual([["Download client", "QBittorrent"]]);
  });

  it("words a deleted file's reason as Radarr does", () => {
    const deleted = (reason: string) => historyDetails({ eventType: "movieFileDeleted", data: { reason, size: "1024" } });
    const reason = (value: string) => deleted(value)[0]?.[1];
    expect(deleted("Manual")).toEqual([
      ["Reason", "File was deleted using Reelarr, either manually or by another tool through the API"],
      ["Size", "1.0 KiB"],
    ]);
    expect(reason("MissingFromDisk")).toBe(
      "Reelarr was unable to find the file on disk so the file was unlinked from the movie in the database",
    );
    expect(reason("Upgrade")).toBe("File was deleted to import an upgrade");
    expect(reason("Other")).toBe("Other");
  });
});

describe("page count", () => {
  it("is at least one", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
