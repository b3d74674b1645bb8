import { Link } from "react-router";
import { answeredAddresses, type PageId } from "../../routes/addresses";
import "./settings.css";

/** What each settings page is for, as the settings overview describes it. */
const SETTINGS: Partial<Record<PageId, { title: string; description: string }>> = {
  mediaManagement: { title: "Media management", description: "Movie naming, how files are imported and kept (hardlinks, recycle bin, permissions), and root folders." },
  profiles: {
    title: "Profiles",
    description:
      "Quality profiles (which qualities and custom formats a movie may have, and when to stop upgrading), delay profiles and release profiles.",
  },
  quality: { title: "Quality", description: "Size limits for each quality, in megabytes per minute of runtime." },
  customFormats: {
    title: "Custom formats",
    description: "Conditions that score releases (codecs, groups, editions, sizes...); import and export them as JSON.",
  },
  indexers: { title: "Indexers", description: "Where releases are found (Newznab, Torznab, trackers, Prowlarr's), and the indexer options." },
  downloadClients: {
    title: "Download clients",
    description: "The torrent and Usenet clients releases are sent to, completed and failed download handling, and remote path mappings.",
  },
  importLists: { title: "Import lists", description: "Lists that add films on their own (TMDb, another Radarr, RSS...), and what happens to films that leave them." },
  connect: { title: "Connect", description: "Webhooks told of grabs, imports, renames, deletions and health issues." },
  metadata: {
    title: "Metadata",
    description: "Whose rating certificate films carry, and the .nfo/.xml files and images written for Kodi, Emby, Roksbox and WD TV.",
  },
  tags: { title: "Tags", description: "Every tag and what uses it; unused tags can be deleted." },
  tmdb: { title: "TMDB", description: "The Movie Database key Reelarr finds films and their details with." },
  general: { title: "General", description: "The API key other apps (Overseerr, Prowlarr, Home Assistant) use." },
};

/** Radarr's /settings: the settings pages Reelarr has, each with what it is for. */
export function SettingsPage() {
  const pages = answeredAddresses().filter((a) => a.address.startsWith("/settings/"));
  return (
    <>
      <h1>Settings</h1>
      <ul className="settings-index">
        {pages.map(({ address, page }) => {
          const about = SETTINGS[page];
          return (
            <li key={address} className="settings-index__item">
              <Link to={address} className="settings-index__link">
                {about?.title ?? address}
              </Link>
              {about && <p className="muted">{about.description}</p>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
