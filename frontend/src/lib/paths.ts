// Where the app lives. The server injects <base href="{urlBase}/"> into index.html, so the URL base
// (reverse-proxy prefix such as "/reelarr") is read from the document's base URL, never hard-coded.

/** The URL base without a trailing slash ("" at the root), from a <base> href; "" when there is none. */
export function urlBaseFrom(baseHref: string | null): string {
  if (!baseHref) return "";
  const path = new URL(baseHref).pathname;
  return path.replace(/\/+$/, "");
}

/** The WebSocket address under the URL base, same origin, ws: or wss: as the page. */
export function liveUrlFrom(origin: string, urlBase: string): string {
  const url = new URL(`${urlBase}/ws`, origin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

/**
 * The in-app path to go to after logging in. Accepts a path with or without the URL base (the
 * server redirects with the full path); anything that could leave the site falls back to "/".
 */
export function safeReturnPath(returnUrl: string | null, urlBase: string): string {
  if (!returnUrl || !returnUrl.startsWith("/") || returnUrl.startsWith("//") || returnUrl.includes("\\")) {
    return "/";
  }
  let path = returnUrl;
  if (urlBase && (path === urlBase || path.startsWith(`${urlBase}/`) || path.startsWith(`${urlBase}?`))) {
    path = path.slice(urlBase.length) || "/";
    if (!path.startsWith("/")) path = `/${path}`;
  }
  const bare = path.split(/[?#]/)[0] ?? "/";
  if (bare === "/login" || bare === "/setup") return "/";
  return path;
}
