// Resources as the server sends them (camelCase JSON, absent values omitted).

export interface Initialize {
  apiRoot: string;
  urlBase: string;
  version: string;
  instanceName: string;
  needsSetup: boolean;
  authenticated: boolean;
  username?: string;
  /** Only for a signed-in session: what clients (Overseerr, Prowlarr, calendar apps) must send. */
  apiKey?: string;
}

export interface SystemStatus {
  appName: string;
  instanceName: string;
  version: string;
  reelarrVersion?: string;
  buildTime?: string;
  startTime?: string;
  urlBase?: string;
  databaseType?: string;
  databaseVersion?: string;
  runtimeVersion?: string;
  runtimeName?: string;
  osName?: string;
  osVersion?: string;
  authentication?: string;
  isDocker?: boolean;
  migrationVersion?: number | string;
  appData?: string;
  startupPath?: string;
  branch?: string;
}

export type HealthType = "ok" | "notice" | "warning" | "error";

export interface HealthCheck {
  source: string;
  type: HealthType;
  message: string;
  wikiUrl?: string;
}

export interface ScheduledTask {
  id: number;
  name: string;
  taskName: string;
  interval: number;
  lastExecution?: string;
  lastStartTime?: string;
  nextExecution?: string;
  lastDuration?: string;
}

export type CommandStatus = "queued" | "started" | "completed" | "failed" | "cancelled" | "orphaned";

export interface Command {
  id: number;
  name: string;
  commandName?: string;
  status: CommandStatus;
  /** How a finished command went: "successful", "unsuccessful" or "unknown". */
  result?: string;
  /** Progress while it runs; what it did (or why it failed) once it ends. */
  message?: string;
  /** The error of a failed command. */
  exception?: string;
  queued?: string;
  started?: string;
  ended?: string;
  duration?: string;
  trigger?: string;
  priority?: string;
  /** The command's parameters, e.g. `movieIds` of RefreshMovie. */
  body?: Record<string, unknown>;
}

export interface ValidationFailure {
  propertyName: string;
  errorMessage: string;
  attemptedValue?: unknown;
  severity?: string;
  errorCode?: string;
}

/** What the server pushes over the WebSocket. */
export interface LiveMessage {
  name: string;
  action: string;
  resource?: unknown;
}

// --- Movies and what they need -------------------------------------------------------------------

export interface MediaCover {
  coverType: string;
  /** Local `/MediaCover/...` path (with the URL base) for library movies; the remote URL for lookups. */
  url?: string;
  remoteUrl?: string;
}

/** A file kept beside a movie's video: a subtitle, or another file such as an .nfo (Radarr's ExtraFileResource). */
export interface ExtraFile {
  id: number;
  movieId: number;
  movieFileId?: number | null;
  relativePath: string;
  extension: string;
  type: "subtitle" | "metadata" | "other";
  languageTags?: string[] | null;
  title?: string | null;
  /** Reelarr's addition: the language a subtitle's name gives. */
  language?: { id: number; name: string } | null;
}

/** A person's part in a library movie: cast (with a character) or crew (with a department and job). */
export interface Credit {
  id: number;
  personName: string;
  creditTmdbId: string;
  personTmdbId: number;
  movieMetadataId: number;
  images: MediaCover[];
  type: "cast" | "crew";
  order: number;
  character?: string;
  department?: string;
  job?: string;
}

export interface Rating {
  votes: number;
  value: number;
  type?: string;
}

export type MovieStatus = "tba" | "announced" | "inCinemas" | "released" | "deleted";
export type MinimumAvailability = "tba" | "announced" | "inCinemas" | "released";

export interface Language {
  id: number;
  name: string;
}

/** Radarr's MediaInfoResource (all optional: files may have none, or only some of it). */
export interface MediaInfo {
  audioBitrate?: number;
  audioChannels?: number;
  audioCodec?: string;
  audioLanguages?: string;
  audioStreamCount?: number;
  videoBitDepth?: number;
  videoBitrate?: number;
  videoCodec?: string;
  videoDynamicRange?: string;
  videoDynamicRangeType?: string;
  videoFps?: number;
  resolution?: string;
  runTime?: string;
  scanType?: string;
  subtitles?: string;
}

export interface MovieFile {
  id: number;
  movieId: number;
  relativePath?: string;
  path?: string;
  size: number;
  dateAdded?: string;
  sceneName?: string;
  releaseGroup?: string;
  edition?: string;
  languages?: Language[];
  quality?: { quality: { id: number; name: string; source?: string; resolution?: number }; revision?: { version: number; real: number; isRepack?: boolean } };
  mediaInfo?: MediaInfo;
  qualityCutoffNotMet?: boolean;
}

/** A film as /movie and /movie/lookup send it; `id` only when it is in the library. */
export interface Movie {
  id?: number;
  title: string;
  originalTitle?: string;
  originalLanguage?: Language;
  sortTitle?: string;
  year: number;
  status?: MovieStatus;
  overview?: string;
  inCinemas?: string;
  digitalRelease?: string;
  physicalRelease?: string;
  releaseDate?: string;
  images: MediaCover[];
  remotePoster?: string;
  website?: string;
  youTubeTrailerId?: string;
  studio?: string;
  path?: string;
  rootFolderPath?: string;
  folder?: string;
  qualityProfileId: number;
  hasFile: boolean;
  movieFileId?: number;
  monitored: boolean;
  minimumAvailability: MinimumAvailability;
  isAvailable?: boolean;
  runtime?: number;
  imdbId?: string;
  tmdbId: number;
  titleSlug?: string;
  certification?: string;
  genres?: string[];
  tags: number[];
  added?: string;
  ratings?: { imdb?: Rating; tmdb?: Rating; [source: string]: Rating | undefined };
  movieFile?: MovieFile;
  collection?: { title: string; tmdbId: number };
  popularity?: number;
  sizeOnDisk?: number;
}

/** A movie in the library (it has an id). */
export type LibraryMovie = Movie & { id: number };

export interface AddMovieBody {
  tmdbId: number;
  title?: string;
  year?: number;
  qualityProfileId: number;
  rootFolderPath: string;
  monitored: boolean;
  minimumAvailability: MinimumAvailability;
  tags: number[];
  /** `monitor: "movieAndCollection"` monitors the collection the film brings (Radarr's add option). */
  addOptions: { searchForMovie: boolean; monitor?: "movieOnly" | "movieAndCollection" | "none" };
}

/** A quality as the server names it. */
export interface QualityInfo {
  id: number;
  name: string;
  source?: string;
  resolution?: number;
  modifier?: string;
}

/** A row of a quality profile: a quality, or a group (`id` >= 1000 and `name`) of quality rows. */
export interface QualityProfileItem {
  id?: number;
  name?: string;
  quality?: QualityInfo;
  items: QualityProfileItem[];
  allowed: boolean;
}

export interface FormatItem {
  format: number;
  name: string;
  score: number;
}

/** A quality profile; `items` run from least to most preferred (the editor shows them the other way). */
export interface QualityProfile {
  id: number;
  name: string;
  upgradeAllowed: boolean;
  cutoff: number;
  items: QualityProfileItem[];
  minFormatScore: number;
  cutoffFormatScore: number;
  minUpgradeFormatScore: number;
  formatItems: FormatItem[];
  language?: Language;
}

/** A quality's size limits in MB per minute of runtime (absent: unlimited). */
export interface QualityDefinition {
  id: number;
  quality: QualityInfo;
  title: string;
  weight: number;
  minSize?: number;
  maxSize?: number;
  preferredSize?: number;
}

/** A tag with the ids of what uses it (Radarr's TagDetailsResource). */
export interface TagDetails {
  id: number;
  label: string;
  delayProfileIds: number[];
  importListIds: number[];
  notificationIds: number[];
  releaseProfileIds: number[];
  indexerIds: number[];
  downloadClientIds: number[];
  autoTagIds: number[];
  movieIds: number[];
}

export interface UnmappedFolder {
  name: string;
  path: string;
  relativePath?: string;
}

export interface RootFolder {
  id: number;
  path: string;
  accessible: boolean;
  freeSpace?: number;
  unmappedFolders: UnmappedFolder[];
}

export interface FileSystemEntry {
  type: string;
  name: string;
  path: string;
}

export interface FileSystemListing {
  parent?: string;
  directories: FileSystemEntry[];
  files: FileSystemEntry[];
}

export interface Tag {
  id: number;
  label: string;
}

export interface TmdbConfig {
  id?: number;
  apiUrl?: string;
  apiKey?: string;
  configured: boolean;
  fromEnvironment: boolean;
}

// --- Library import ------------------------------------------------------------------------------

export type MatchConfidence = "high" | "medium" | "low" | "none";

/** A film offered for a folder: a lookup resource, with `id` when it is in the library already. */
export type ImportFilm = Movie & { excluded?: boolean };

/** GET /movie/import/suggestions: what an unmapped folder's name says, and the film it most likely holds. */
export interface ImportSuggestion {
  folder: string;
  path: string;
  relativePath?: string;
  parsedTitle?: string;
  parsedYear?: number;
  parsedTmdbId?: number;
  parsedImdbId?: string;
  confidence: MatchConfidence;
  matchedBy?: "tmdbId" | "imdbId" | "title";
  match?: ImportFilm;
  candidates: ImportFilm[];
  /** The matched film is on the import exclusion list. */
  excluded: boolean;
  /** TMDB could not be asked about this folder. */
  error?: string;
}

/** A film of POST /movie/import?includeSkipped=true that was not added, and why. */
export interface SkippedImport {
  /** Its place in the batch sent. */
  index: number;
  tmdbId: number;
  path?: string;
  rootFolderPath?: string;
  /** In the library already (not an error). */
  alreadyAdded: boolean;
  errors: ValidationFailure[];
}

/** POST /movie/import?includeSkipped=true: the movies added and the films skipped. */
export interface ImportOutcome {
  added: LibraryMovie[];
  skipped: SkippedImport[];
}

/** One film of POST /movie/import: it goes into the folder it is already in (`path`). */
export interface ImportMovieBody {
  tmdbId: number;
  title?: string;
  year?: number;
  qualityProfileId: number;
  path: string;
  monitored: boolean;
  minimumAvailability: MinimumAvailability;
  tags: number[];
  addOptions: { searchForMovie: boolean };
}
