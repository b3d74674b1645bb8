import { NavLink, Outlet } from "react-router";
import { useInitialize, useLogout } from "../api/queries";
import { useLive } from "../live/LiveProvider";
import { ConnectionIndicator } from "./ConnectionIndicator";
import { ErrorMessage } from "./Feedback";

const NAV = [
  {
    title: "Movies",
    links: [
      { to: "/", label: "Library" },
      { to: "/add/new", label: "Add movie" },
      { to: "/add/import", label: "Import library" },
      { to: "/calendar", label: "Calendar" },
    ],
  },
  {
    title: "Settings",
    links: [
      { to: "/settings/mediamanagement", label: "Media management" },
      { to: "/settings/profiles", label: "Profiles" },
      { to: "/settings/quality", label: "Quality" },
      { to: "/settings/tags", label: "Tags" },
      { to: "/settings/tmdb", label: "TMDB" },
    ],
  },
  {
    title: "System",
    links: [
      { to: "/system/status", label: "Status" },
      { to: "/system/tasks", label: "Tasks" },
    ],
  },
];

function Navigation() {
  return (
    <nav className="sidebar" aria-label="Main">
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

function Header() {
  const init = useInitialize();
  const logout = useLogout();
  return (
    <header className="header">
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

/** The signed-in app: header, navigation and the current page. */
export function Shell() {
  return (
    <div className="shell">
      <Header />
      <Navigation />
      <main id="content" className="content" tabIndex={-1}>
        <UpdatedBanner />
        <Outlet />
      </main>
    </div>
  );
}
