import { useState } from "react";
import { useStopServer } from "../api/general";
import { Dialog } from "./Dialog";
import { ErrorMessage } from "./Feedback";

type Action = "restart" | "shutdown";

const WORDS: Record<Action, { button: string; question: string; explain: string; done: string }> = {
  restart: {
    button: "Restart",
    question: "Restart Reelarr?",
    explain: "Running commands get a moment to finish; the others wait in the queue. Reelarr exits with code 3, on which its service manager starts it again.",
    done: "Reelarr is restarting; reload this page in a moment.",
  },
  shutdown: {
    button: "Shut down",
    question: "Shut down Reelarr?",
    explain: "Running commands get a moment to finish; the others wait in the queue. Reelarr stays stopped until it is started again.",
    done: "Reelarr is shutting down.",
  },
};

/** System → Status' Restart and Shut down buttons, each confirmed first. */
export function ServerControls() {
  const [asking, setAsking] = useState<Action | null>(null);
  const stop = useStopServer();
  if (stop.isSuccess && stop.variables)
    return (
      <p className="alert alert--notice" role="status">
        {WORDS[stop.variables].done}
      </p>
    );
  return (
    <div className="form-actions">
      {(["restart", "shutdown"] as const).map((action) => (
        <button key={action} type="button" className="button" disabled={stop.isPending} onClick={() => setAsking(action)}>
          {WORDS[action].button}
        </button>
      ))}
      {stop.isError && <ErrorMessage error={stop.error} title="Reelarr could not be stopped" />}
      {asking && (
        <Dialog title={WORDS[asking].question} open onClose={() => setAsking(null)}>
          <p>{WORDS[asking].explain}</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setAsking(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                stop.mutate(asking);
                setAsking(null);
              }}
            >
              {WORDS[asking].button}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
