// Resources as the server sends them (camelCase JSON, absent values omitted).

export interface Initialize {
  apiRoot: string;
  urlBase: string;
  version: string;
  instanceName: string;
  needsSetup: boolean;
  authenticated: boolean;
  username?: string;
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
  message?: string;
  queued?: string;
  started?: string;
  ended?: string;
  duration?: string;
  trigger?: string;
  priority?: string;
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
