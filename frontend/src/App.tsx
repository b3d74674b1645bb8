import type { ReactNode } from "react";
import { Navigate, Route, Routes, useLocation, useSearchParams } from "react-router";
import { urlBase } from "./api/client";
import { useInitialize } from "./api/queries";
import type { Initialize } from "./api/types";
import { ErrorMessage, Loading } from "./components/Feedback";
import { Shell } from "./components/Shell";
import { LiveProvider } from "./live/LiveProvider";
import { safeReturnPath } from "./lib/paths";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SetupPage } from "./pages/SetupPage";
import { AddMoviePage } from "./pages/add/AddMoviePage";
import { DiscoverPage } from "./pages/add/DiscoverPage";
import { BlocklistPage } from "./pages/activity/BlocklistPage";
import { HistoryPage } from "./pages/activity/HistoryPage";
import { QueuePage } from "./pages/activity/QueuePage";
import { CutoffUnmetPage, MissingPage } from "./pages/wanted/WantedPage";
import { CalendarPage } from "./pages/calendar/CalendarPage";
import { CollectionsPage } from "./pages/collections/CollectionsPage";
import { ImportLibraryPage } from "./pages/import/ImportLibraryPage";
import { MovieDetailPage } from "./pages/movie/MovieDetailPage";
import { MoviesPage } from "./pages/movies/MoviesPage";
import { GeneralSettingsPage } from "./pages/settings/GeneralSettingsPage";
import { UiSettingsPage } from "./pages/settings/UiSettingsPage";
import { UpdatesPage } from "./pages/UpdatesPage";
import { MediaSettingsPage } from "./pages/settings/MediaSettingsPage";
import { ProfilesPage } from "./pages/settings/profiles/ProfilesPage";
import { QualityPage } from "./pages/settings/quality/QualityPage";
import { CustomFormatsPage } from "./pages/settings/customformats/CustomFormatsPage";
import { IndexersPage } from "./pages/settings/indexers/IndexersPage";
import { ConnectPage } from "./pages/settings/connect/ConnectPage";
import { MetadataPage } from "./pages/settings/metadata/MetadataPage";
import { ImportListsPage } from "./pages/settings/importlists/ImportListsPage";
import { DownloadClientsPage } from "./pages/settings/downloadclients/DownloadClientsPage";
import { SettingsPage } from "./pages/settings/SettingsPage";
import { TagsPage } from "./pages/settings/tags/TagsPage";
import { TmdbSettingsPage } from "./pages/settings/TmdbSettingsPage";
import { StatusPage } from "./pages/StatusPage";
import { TasksPage } from "./pages/TasksPage";
import { EventsPage } from "./pages/system/EventsPage";
import { LogFilesPage } from "./pages/system/LogFilesPage";
import { BackupPage } from "./pages/BackupPage";
import { answeredAddresses, FORMER_ADDRESSES, type PageId } from "./routes/addresses";

/** The page of each id; routes/addresses.ts says at which addresses they live. */
const PAGES: Record<PageId, ReactNode> = {
  movies: <MoviesPage />,
  addMovie: <AddMoviePage />,
  importLibrary: <ImportLibraryPage />,
  collections: <CollectionsPage />,
  discover: <DiscoverPage />,
  movie: <MovieDetailPage />,
  calendar: <CalendarPage />,
  queue: <QueuePage />,
  history: <HistoryPage />,
  blocklist: <BlocklistPage />,
  missing: <MissingPage />,
  cutoffUnmet: <CutoffUnmetPage />,
  settings: <SettingsPage />,
  mediaManagement: <MediaSettingsPage />,
  profiles: <ProfilesPage />,
  quality: <QualityPage />,
  customFormats: <CustomFormatsPage />,
  indexers: <IndexersPage />,
  downloadClients: <DownloadClientsPage />,
  connect: <ConnectPage />,
  metadata: <MetadataPage />,
  importLists: <ImportListsPage />,
  tags: <TagsPage />,
  tmdb: <TmdbSettingsPage />,
  general: <GeneralSettingsPage />,
  ui: <UiSettingsPage />,
  updates: <UpdatesPage />,
  status: <StatusPage />,
  tasks: <TasksPage />,
  events: <EventsPage />,
  logFiles: <LogFilesPage />,
  backup: <BackupPage />,
};

/** An earlier address sent on to its page's address, keeping the query and fragment. */
function MovedTo({ address }: { address: string }) {
  const { search, hash } = useLocation();
  return <Navigate to={`${address}${search}${hash}`} replace />;
}

/** Renders `children(init)` once /initialize.json is known (kept while a refetch fails). */
function WithInitialize({ children }: { children: (init: Initialize) => ReactNode }) {
  const init = useInitialize();
  if (init.data) return children(init.data);
  if (init.isError)
    return (
      <main className="auth">
        <ErrorMessage error={init.error} title="Reelarr is not answering" />
      </main>
    );
  return (
    <main className="auth">
      <Loading what="Reelarr" />
    </main>
  );
}

/** The signed-in part: setup first, then a session, else the login page coming back here. */
function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <WithInitialize>
      {(init) => {
        if (init.needsSetup) return <Navigate to="/setup" replace />;
        if (!init.authenticated) {
          const returnUrl = encodeURIComponent(location.pathname + location.search);
          return <Navigate to={`/login?returnUrl=${returnUrl}`} replace />;
        }
        return children;
      }}
    </WithInitialize>
  );
}

/** The signed-out pages: only while they make sense (no account yet / not logged in). */
function SignedOut({ page, children }: { page: "login" | "setup"; children: ReactNode }) {
  const [params] = useSearchParams();
  return (
    <WithInitialize>
      {(init) => {
        if (init.authenticated && !init.needsSetup)
          return <Navigate to={safeReturnPath(params.get("returnUrl"), urlBase)} replace />;
        if (page === "login" && init.needsSetup) return <Navigate to="/setup" replace />;
        if (page === "setup" && !init.needsSetup) return <Navigate to="/login" replace />;
        return children;
      }}
    </WithInitialize>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/setup" element={<SignedOut page="setup"><SetupPage /></SignedOut>} />
      <Route path="/login" element={<SignedOut page="login"><LoginPage /></SignedOut>} />
      <Route
        element={
          <RequireSession>
            <LiveProvider>
              <Shell />
            </LiveProvider>
          </RequireSession>
        }
      >
        {answeredAddresses().map(({ address, page }) => (
          <Route key={address} path={address} element={PAGES[page]} />
        ))}
        {Object.entries(FORMER_ADDRESSES).map(([former, address]) => (
          <Route key={former} path={former} element={<MovedTo address={address} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
