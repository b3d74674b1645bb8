import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { API_ROOT, apiGet, request, urlBase } from "./client";
import { ApiError } from "./errors";
import { isActive } from "../lib/commands";
import { searchAvailability, type SearchAvailability } from "../lib/search";
import type { Command, HealthCheck, Initialize, ScheduledTask, SystemStatus } from "./types";

export const keys = {
  initialize: ["initialize"] as const,
  status: ["system", "status"] as const,
  health: ["health"] as const,
  tasks: ["system", "task"] as const,
  commands: ["command"] as const,
  indexers: ["indexer"] as const,
};

export function useInitialize() {
  return useQuery({
    queryKey: keys.initialize,
    queryFn: ({ signal }) => request<Initialize>("/initialize.json", { signal, redirectOn401: false }),
    staleTime: Infinity,
  });
}

export function useSystemStatus() {
  return useQuery({ queryKey: keys.status, queryFn: ({ signal }) => apiGet<SystemStatus>("/system/status", signal) });
}

export function useHealth() {
  return useQuery({ queryKey: keys.health, queryFn: ({ signal }) => apiGet<HealthCheck[]>("/health", signal) });
}

export function useTasks() {
  return useQuery({ queryKey: keys.tasks, queryFn: ({ signal }) => apiGet<ScheduledTask[]>("/system/task", signal) });
}

/** Recent and active commands. Polls only while one is active and live updates are down. */
export function useCommands(live: boolean) {
  return useQuery({
    queryKey: keys.commands,
    queryFn: ({ signal }) => apiGet<Command[]>("/command", signal),
    refetchInterval: (query) => (!live && query.state.data?.some(isActive) ? 2000 : false),
  });
}

/** Put a command into the cached list (newer state wins), as the WebSocket or a POST reports it. */
export function upsertCommand(client: QueryClient, command: Command): void {
  client.setQueryData<Command[]>(keys.commands, (list) => {
    if (!list) return [command];
    const index = list.findIndex((c) => c.id === command.id);
    if (index < 0) return [command, ...list];
    return list.map((c, i) => (i === index ? { ...c, ...command } : c));
  });
}

/** Start a command by POST /command ({name, ...parameters}); the answer goes into the commands cache. */
export function useStartCommand() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string } & Record<string, unknown>) =>
      request<Command>(`${API_ROOT}/command`, { method: "POST", body }),
    onSuccess: (command) => upsertCommand(client, command),
  });
}

/** Cancel a queued command (DELETE /command/{id}) or queue a failed one again (POST /command/{id}/retry). */
export function useCommandAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action }: { id: number; action: "cancel" | "retry" }) => {
      if (action === "cancel") await request<unknown>(`${API_ROOT}/command/${id}`, { method: "DELETE" });
      else upsertCommand(client, await request<Command>(`${API_ROOT}/command/${id}/retry`, { method: "POST" }));
    },
    onSettled: () => void client.invalidateQueries({ queryKey: keys.commands }),
  });
}

/**
 * Whether Reelarr can search for releases: only when an indexer with automatic search is set up.
 * Asks /api/v3/indexer, which this version does not have yet (404): then searching cannot happen.
 */
export function useSearchAvailability(): SearchAvailability {
  const indexers = useQuery({
    queryKey: keys.indexers,
    queryFn: ({ signal }) => apiGet<unknown>("/indexer", signal),
    staleTime: 60_000,
  });
  if (indexers.isPending) return searchAvailability({ state: "pending" });
  if (indexers.isError) {
    const status = indexers.error instanceof ApiError ? indexers.error.status : undefined;
    return searchAvailability({ state: "error", status });
  }
  return searchAvailability({ state: "answered", indexers: indexers.data });
}

export interface Credentials {
  username: string;
  password: string;
}

/** After login or setup: the session is ours; forget anything cached for someone else. */
function signedIn(client: QueryClient, username: string): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.initialize[0] });
  client.setQueryData<Initialize>(keys.initialize, (init) =>
    init ? { ...init, needsSetup: false, authenticated: true, username } : init,
  );
  void client.invalidateQueries({ queryKey: keys.initialize });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Credentials & { rememberMe: boolean }) =>
      request<{ username: string }>("/login", { method: "POST", body, redirectOn401: false }),
    onSuccess: (result, body) => signedIn(client, result?.username ?? body.username),
  });
}

export function useSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Credentials) =>
      request<{ username: string }>("/setup", { method: "POST", body, redirectOn401: false }),
    onSuccess: (result, body) => signedIn(client, result?.username ?? body.username),
    // A 409 means someone else created the account meanwhile: the route guards move on to login.
    onError: () => void client.invalidateQueries({ queryKey: keys.initialize }),
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await request<unknown>("/logout", { method: "POST", redirectOn401: false });
      } catch (error) {
        // A 401 means the session had already ended: logged out all the same.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    // A fresh page load drops every cached resource and the WebSocket with the session.
    onSuccess: () => window.location.assign(`${urlBase}/login`),
  });
}
