import { useLive, type LiveStatus } from "../live/LiveProvider";

const LABELS: Record<LiveStatus, string> = {
  connected: "Connected",
  reconnecting: "Reconnecting",
  disconnected: "Disconnected",
};

const HINTS: Record<LiveStatus, string> = {
  connected: "Live updates are on",
  reconnecting: "Live updates paused, reconnecting",
  disconnected: "Live updates are off; Reelarr keeps trying to reconnect",
};

/** The state of the live-update WebSocket, announced politely to screen readers when it changes. */
export function ConnectionIndicator() {
  const { status } = useLive();
  return (
    <div className={`connection connection--${status}`} title={HINTS[status]} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      <span data-testid="connection-status">{LABELS[status]}</span>
    </div>
  );
}
