import { useState } from "react";
import { urlBase } from "../../api/client";
import { useTags } from "../../api/library";
import { useInitialize } from "../../api/queries";
import { CopyButton } from "../../components/CopyButton";
import { Dialog } from "../../components/Dialog";
import { Checkbox, Field } from "../../components/Field";
import { feedDays, icalFeedUrl, MAX_FEED_DAYS, webcalUrl } from "../../lib/ical";

/** Radarr's calendar link: the iCal feed's address with its options, to copy or subscribe to. */
export function CalendarLinkDialog({ onClose }: { onClose: () => void }) {
  const init = useInitialize();
  const tags = useTags();
  const [unmonitored, setUnmonitored] = useState(false);
  const [pastDays, setPastDays] = useState(7);
  const [futureDays, setFutureDays] = useState(28);
  const [tagIds, setTagIds] = useState<number[]>([]);
  const apiKey = init.data?.apiKey;
  const url = apiKey
    ? icalFeedUrl({ origin: window.location.origin, urlBase, apiKey, unmonitored, pastDays, futureDays, tagIds })
    : undefined;
  const toggleTag = (id: number, on: boolean) => setTagIds((ids) => (on ? [...ids, id].sort((a, b) => a - b) : ids.filter((t) => t !== id)));

  return (
    <Dialog title="Calendar feed" open onClose={onClose}>
      <div className="form">
        <p className="muted">Calendar apps (Google Calendar, Apple Calendar, Thunderbird, ...) can show the release dates of your movies from this address.</p>
        <Checkbox label="Include unmonitored movies" name="unmonitored" checked={unmonitored} onChange={(e) => setUnmonitored(e.target.checked)} />
        <div className="form-grid">
          <Field
            label="Past days"
            name="pastDays"
            type="number"
            min={0}
            max={MAX_FEED_DAYS}
            value={pastDays}
            onChange={(e) => setPastDays(feedDays(e.target.valueAsNumber))}
          />
          <Field
            label="Future days"
            name="futureDays"
            type="number"
            min={0}
            max={MAX_FEED_DAYS}
            value={futureDays}
            onChange={(e) => setFutureDays(feedDays(e.target.valueAsNumber))}
          />
        </div>
        {tags.data && tags.data.length > 0 && (
          <fieldset className="fieldset">
            <legend>Only movies with these tags (none: every movie)</legend>
            <div className="check-list">
              {tags.data.map((tag) => (
                <Checkbox key={tag.id} label={tag.label} checked={tagIds.includes(tag.id)} onChange={(e) => toggleTag(tag.id, e.target.checked)} />
              ))}
            </div>
          </fieldset>
        )}
        {url ? (
          <div className="field">
            <label htmlFor="ical-url">iCal feed</label>
            <div className="input-row">
              <input id="ical-url" className="input--code" readOnly value={url} onFocus={(e) => e.target.select()} aria-describedby="ical-url-hint" />
              <CopyButton text={url} label="Copy the iCal feed address" />
              <a className="button" href={webcalUrl(url)}>
                Subscribe
              </a>
            </div>
            <p id="ical-url-hint" className="field__hint">
              The address holds the API key: anyone who has it can read your calendar. Regenerating the key in Settings → General
              changes it.
            </p>
          </div>
        ) : (
          <p className="muted">The feed's address needs the API key, which only a signed-in user sees.</p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
