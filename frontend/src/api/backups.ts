// System → Backup: Radarr's /system/backup resources, restore by id or by upload, and delete.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { readCookie } from "../lib/cookies";
import { API_ROOT, apiGet, request, urlBase } from "./client";
import { ApiError, describeBody } from "./errors";

/** Radarr's BackupResource; `path` downloads the zip. */
export interface Backup {
  id: number;
  name: string;
  path: string;
  type: "scheduled" | "manual" | "update";
  size: number;
  time: string;
}

export interface RestoreResult {
  restartRequired: boolean;
}

export const backupKeys = { all: ["system", "backup"] as const };

export function useBackups() {
  return useQuery({ queryKey: backupKeys.all, queryFn: ({ signal }) => apiGet<Backup[]>("/system/backup", signal) });
}

export function useDeleteBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<unknown>(`${API_ROOT}/system/backup/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: backupKeys.all }),
  });
}

export function useRestoreBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<RestoreResult>(`${API_ROOT}/system/backup/restore/${id}`, { method: "POST" }),
    // The server serves the restored database at once: every page reads it afresh.
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Send a backup zip as a multipart form, with the session's CSRF token (as `request` does for JSON). */
async function uploadBackup(file: File): Promise<RestoreResult> {
  const form = new FormData();
  form.append("restore", file, file.name);
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = readCookie(document.cookie, "reelarr_csrf");
  if (token) headers["X-CSRF-Token"] = token;
  const response = await fetch(`${urlBase}${API_ROOT}/system/backup/restore/upload`, {
    method: "POST",
    headers,
    body: form,
    credentials: "same-origin",
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!response.ok) throw new ApiError(response.status, body, describeBody(body) ?? `${response.status} ${response.statusText}`);
  return body as RestoreResult;
}

export function useUploadBackup() {
  const client = useQueryClient();
  return useMutation({ mutationFn: uploadBackup, onSuccess: () => client.invalidateQueries() });
}

/** Where a backup downloads from under the URL base. */
export function backupHref(backup: Backup): string {
  return `${urlBase}${backup.path}`;
}
