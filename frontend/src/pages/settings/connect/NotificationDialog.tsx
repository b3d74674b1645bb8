import type { Notification } from "../../../api/providers";
import { Checkbox } from "../../../components/Field";
import { ProviderDialog } from "../../../components/providers/ProviderDialog";
import { NOTIFICATION_EVENTS, supportedEvents } from "../../../lib/notifications";

const OWN = NOTIFICATION_EVENTS.map((event) => event.key);

/**
 * Radarr's connection form: the implementation's settings drawn from its schema, the events it is
 * told of (those the implementation supports), and tags.
 */
export function NotificationDialog({ notification, onClose }: { notification: Notification; onClose: () => void }) {
  return (
    <ProviderDialog<Notification>
      family="notification"
      noun="connection"
      provider={notification}
      own={OWN}
      onClose={onClose}
      tagsHint="Tagged connections are only told of movies with at least one of their tags; without tags, of every movie."
      testPassed="Test passed: the test message was sent."
      after={({ draft, update, errors }) => (
        <fieldset className="fieldset options-group">
          <legend>Notification triggers</legend>
          {supportedEvents(draft).map((event) => (
            <Checkbox
              key={event.key}
              label={event.label}
              checked={draft[event.key]}
              disabled={event.needs !== undefined && !draft[event.needs]}
              error={errors[event.key]}
              hint={event.hint}
              onChange={(e) => update({ [event.key]: e.target.checked })}
            />
          ))}
        </fieldset>
      )}
    />
  );
}
