import { readCookie } from "../lib/cookies";
import { urlBaseFrom } from "../lib/paths";
import { ApiError } from "./errors";

/** The reverse-proxy prefix, from the <base href> the server injects ("" at the root). */
export const urlBase = urlBaseFrom(document.querySelector("base[href]") ? document.baseURI : null);
/** Where the API lives under the URL base. */
export const API_ROOT = "/api/v3";

const CSRF_COOKIE = "reelarr_csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  /** A 401 normally means the session is gone: go to the login page. Login itself opts out. */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

/** Send the user to the login page, coming back here afterwards. */
export function goToLogin(): void {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`${urlBase}/login?returnUrl=${encodeURIComponent(here)}`);
}

/** A JSON request to a path under the URL base ("/login", "/api/v3/...") with session and CSRF. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await requestWithHeaders<T>(path, options)).body;
}

/** As `request`, with the answer's headers too (an interactive search names failed indexers in one). */
export async function requestWithHeaders<T>(path: string, options: RequestOptions = {}): Promise<{ body: T; headers: Headers }> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie(document.cookie, CSRF_COOKIE);
    if (token) headers["X-CSRF-Token"] = token;
  }
  const response = await fetch(`${urlBase}${path}`, {
    method,
    headers,
    credentials: "same-origin",
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const body = await readBody(response);
  if (response.ok) return { body: body as T, headers: response.headers };
  if (response.status === 401 && (options.redirectOn401 ?? true)) goToLogin();
  throw new ApiError(response.status, body, `${response.status} ${response.statusText}`.trim());
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** GET under the API root ("/system/status" -> "{urlBase}/api/v3/system/status"). */
export function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>(`${API_ROOT}${path}`, { signal });
}
