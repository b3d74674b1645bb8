import { useEffect, useState, type MouseEvent } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { useInitialize, useLogout } from "../api/queries";
import { useLive } from "../live/LiveProvider";
import { useTheme } from "../hooks/useTheme";
import { ConnectionIndicator } from "./ConnectionIndicator";
import { Toasts } from "./Toasts";
import { ErrorMessage } from "./Feedback";
import { CloseIcon, MenuIcon } from "./Icons";

const NAV = [
  {
    title: "Movies",
    links: [
      { to: "/", label: "Library" },
      { to: "/add/new", label: "Add movie" },
      { to: "/add/import", label: "Import library" },
      { to: "/collections", label: "Collections" },
      { to: "/add/discover", label: "Discover" },
      { to: "/calendar", label: "Calendar" },
    ],
  },
  {
    title: "Activity",
    links: [
      { to: "/activity/queue", label: "Queue" },
      { to: "/activity/history", label: "History" },
      { to: "/activity/blocklist", label: "Blocklist" },
    ],
  },
  {
    title: "Wanted",
    links: [
      { to: "/wanted/missing", label: "Missing" },
      { to: "/wanted/cutoffunmet", label: "Cutoff unmet" },
    ],
  },
  {
    title: "Settings",
    links: [
      { to: "/settings/mediamanagement", label: "Media management" },
      { to: "/settings/profiles", label: "Profiles" },
      { to: "/settings/quality", label: "Quality" },
      { to: "/settings/customformats", label: "Custom formats" },
      { to: "/settings/indexers", label: "Indexers" },
      { to: "/settings/downloadclients", label: "Download clients" },
      { to: "/settings/importlists", label: "Import lists" },
      { to: "/settings/connect", label: "Connect" },
      { to: "/settings/metadata", label: "Metadata" },
      { to: "/settings/tags", label: "Tags" },
      { to: "/settings/tmdb", label: "TMDB" },
      { to: "/settings/general", label: "General" },
      { to: "/settings/ui", label: "UI" },
    ],
  },
  {
    title: "System",
    links: [
      { to: "/system/status", label: "Status" },
      { to: "/system/tasks", label: "Tasks" },
      { to: "/system/events", label: "Events" },
      { to: "/system/logs/files", label: "Log files" },
      { to: "/system/backup", label: "Backup" },
      { to: "/system/updates", label: "Updates" },
    ],
  },
];

const NAV_ID = "main-navigation";

/** The sections and their pages; below 768 px it is hidden until the header's menu button opens it. */
function Navigation({ open }: { open: boolean }) {
  return (
    <nav id={NAV_ID} className={`sidebar${open ? " sidebar--open" : ""}`} aria-label="Main">
      {NAV.map((section) => (
        <div key={section.title} className="sidebar__section">
          <h2 className="sidebar__title">{section.title}</h2>
          <ul>
            {section.links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.to === "/"} className="sidebar__link">
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function UpdatedBanner() {
  const { serverVersion } = useLive();
  const init = useInitialize();
  if (!serverVersion || !init.data || serverVersion === init.data.version) return null;
  return (
    <div className="alert alert--notice" role="status">
      Reelarr was updated to {serverVersion}.{" "}
      <button type="button" className="link-button" onClick={() => window.location.reload()}>
        Reload
      </button>{" "}
      to use the new version.
    </div>
  );
}

function MenuButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="button button--quiet menu-button" aria-expanded={open} aria-controls={NAV_ID} onClick={onToggle}>
      {open ? <CloseIcon /> : <MenuIcon />}
      <span className="visually-hidden">Menu</span>
    </button>
  );
}

function Header({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
  const init = useInitialize();
  const logout = useLogout();
  return (
    <header className="header">
      <MenuButton open={menuOpen} onToggle={onToggleMenu} />
      <div className="header__brand">
        <span className="logo" aria-hidden="true" />
        <span>{init.data?.instanceName ?? "Reelarr"}</span>
      </div>
      <div className="header__tools">
        <ConnectionIndicator />
        {init.data?.username && <span className="muted header__user">{init.data.username}</span>}
        <button type="button" className="button button--quiet" onClick={() => logout.mutate()} disabled={logout.isPending}>
          Log out
        </button>
      </div>
      {logout.isError && <ErrorMessage error={logout.error} title="Logging out failed" />}
    </header>
  );
}

/** Move focus to the page itself; a plain #content link would follow <base href> to another page. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById("content")?.focus();
}

/** The signed-in app: header, navigation and the current page. */
export function Shell() {
  useTheme();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  // A page chosen from the menu replaces it.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setMenuOpen(false);
      document.querySelector<HTMLElement>(".menu-button")?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [menuOpen]);

  return (
    <div className="shell">
      <a href="#content" className="skip-link" onClick={skipToContent}>
        Skip to content
      </a>
      <Header menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((open) => !open)} />
      <Navigation open={menuOpen} />
      <main id="content" className="content" tabIndex={-1}>
        <UpdatedBanner />
        <Outlet />
      </main>
      <Toasts />
    </div>
  );
}
