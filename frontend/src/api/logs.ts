// System → Events and Log Files: Radarr's /log (paged) and /log/file resources.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet } from "./client";
import type { Paged } from "./activity";
import { logQuery, type LogRequest } from "../lib/logs";

/** Radarr's LogResource; `level` is trace, debug, info, warn, error or fatal. */
export interface LogRecord {
  id: number;
  time: string;
  level: string;
  logger: string;
  message: string;
  exception?: string;
  exceptionType?: string;
  method?: string;
}

/** Radarr's LogFileResource. */
export interface LogFile {
  id: number;
  filename: string;
  lastWriteTime: string;
  contentsUrl: string;
  downloadUrl: string;
}

export const logKeys = { events: ["log"] as const, files: ["log", "file"] as const };

/** A page of the log. */
export function useLogEvents(request: LogRequest) {
  return useQuery({
    queryKey: [...logKeys.events, "page", request] as const,
    queryFn: ({ signal }) => apiGet<Paged<LogRecord>>(`/log?${logQuery(request)}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** The log files, most recently written first. */
export function useLogFiles() {
  return useQuery({
    queryKey: logKeys.files,
    queryFn: ({ signal }) => apiGet<LogFile[]>("/log/file", signal),
  });
}
