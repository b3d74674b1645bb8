import { useState, type FormEvent } from "react";
import { useRemoveFromQueue, type QueueItem, type RemoveOptions } from "../../api/activity";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/Feedback";
import { Checkbox } from "../../components/Field";

/**
 * Radarr's "Remove from queue", for one row or a selection: whether the download goes from its
 * client too, whether its release is blocklisted, and whether another is searched for then.
 */
export function RemoveQueueDialog({ items, bulk, onRemoved, onClose }: { items: readonly QueueItem[]; bulk: boolean; onRemoved: () => void; onClose: () => void }) {
  const [options, setOptions] = useState<RemoveOptions>({ removeFromClient: true, blocklist: false, skipRedownload: false });
  const remove = useRemoveFromQueue();
  const one = items.length === 1 ? items[0] : undefined;
  const title = one ? "Remove from queue" : `Remove ${items.length} items from the queue`;

  const update = (changes: Partial<RemoveOptions>) => {
    remove.reset();
    setOptions((current) => ({ ...current, ...changes }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate(
      { ids: items.map((i) => i.id), options, bulk },
      {
        onSuccess: () => {
          onRemoved();
          onClose();
        },
      },
    );
  };

  return (
    <Dialog title={title} open onClose={onClose}>
      <form className="form" onSubmit={onSubmit} aria-label={title} aria-busy={remove.isPending}>
        <p>{one ? <>Remove <strong>{one.title}</strong> from the queue?</> : `Remove the ${items.length} selected downloads from the queue?`}</p>
        <Checkbox
          label="Remove from download client"
          checked={options.removeFromClient}
          hint={options.removeFromClient ? "The download and its files are removed from the client." : "The download stays in the client; Reelarr stops tracking it."}
          onChange={(e) => update({ removeFromClient: e.target.checked })}
        />
        <Checkbox
          label="Blocklist release"
          checked={options.blocklist}
          hint="The release is not grabbed again, and another one is searched for."
          onChange={(e) => update({ blocklist: e.target.checked, skipRedownload: e.target.checked && options.skipRedownload })}
        />
        <Checkbox
          label="Skip re-search"
          checked={options.skipRedownload}
          disabled={!options.blocklist}
          hint="Blocklist the release without searching for another."
          onChange={(e) => update({ skipRedownload: e.target.checked })}
        />
        {remove.isError && <ErrorMessage error={remove.error} title="Could not remove" />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={remove.isPending}>
            {remove.isPending ? "Removing…" : "Remove"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
