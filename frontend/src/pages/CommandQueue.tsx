import { useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { libraryKeys } from "../api/library";
import { useCommandAction } from "../api/queries";
import type { Command, LibraryMovie } from "../api/types";
import { CommandOutcome } from "../components/CommandOutcome";
import { ErrorMessage, Loading } from "../components/Feedback";
import { When } from "../components/When";
import { useDateFormats } from "../hooks/useDateFormats";
import { commandMovieIds, queueOrder } from "../lib/commands";
import { formatDuration, type DateFormats } from "../lib/format";

/** What a command is about: the movies the library knows by title, else how many. */
function useSubject(): (command: Command) => string | undefined {
  const client = useQueryClient();
  const movies = client.getQueryData<LibraryMovie[]>(libraryKeys.movieList);
  return (command) => {
    const ids = commandMovieIds(command);
    if (ids.length === 0) return undefined;
    const titles = ids.map((id) => movies?.find((m) => m.id === id)?.title ?? client.getQueryData<LibraryMovie>(libraryKeys.movie(id))?.title);
    if (ids.length <= 3 && titles.every(Boolean)) return titles.join(", ");
    return `${ids.length} ${ids.length === 1 ? "movie" : "movies"}`;
  };
}

function QueueRow({ command, subject, formats, now }: { command: Command; subject: string | undefined; formats: DateFormats; now: number }) {
  const action = useCommandAction();
  const name = command.commandName ?? command.name;
  return (
    <tr data-command-id={command.id}>
      <th scope="row">
        {name}
        {subject && <span className="queue__subject"> · {subject}</span>}
        {command.trigger && <span className="queue__trigger muted">{command.trigger === "scheduled" ? "Scheduled" : command.trigger === "manual" ? "Manual" : ""}</span>}
      </th>
      <td className="command-cell">
        <CommandOutcome command={command} startError={action.isError ? action.error : undefined} live={false} />
      </td>
      <td>
        <When value={command.queued} formats={formats} now={now} />
      </td>
      <td>{command.started ? <When value={command.started} formats={formats} now={now} /> : "—"}</td>
      <td>{command.started ? formatDuration(command.duration) : "—"}</td>
      <td className="actions">
        {command.status === "queued" && (
          <button type="button" className="button button--small" aria-label={`Cancel ${name}`} disabled={action.isPending} onClick={() => action.mutate({ id: command.id, action: "cancel" })}>
            Cancel
          </button>
        )}
        {(command.status === "failed" || command.status === "orphaned" || command.status === "cancelled") && (
          <button type="button" className="button button--small" aria-label={`Retry ${name}`} disabled={action.isPending} onClick={() => action.mutate({ id: command.id, action: "retry" })}>
            Retry
          </button>
        )}
      </td>
    </tr>
  );
}

/** System → Tasks → Queue: the commands queued, running and finished, with what each said; live. */
export function CommandQueue({ commands }: { commands: UseQueryResult<Command[]> }) {
  const formats = useDateFormats();
  const subjectOf = useSubject();
  const now = Date.now();
  return (
    <section className="panel" aria-labelledby="queue-heading">
      <h2 id="queue-heading">Queue</h2>
      {commands.isPending && <Loading what="the queue" />}
      {commands.isError && <ErrorMessage error={commands.error} title="The queue is unavailable" />}
      {commands.data?.length === 0 && <p className="muted">No commands have run since the queue was last cleaned up.</p>}
      {commands.data && commands.data.length > 0 && (
        <div className="table-wrap">
          <table className="table queue" aria-labelledby="queue-heading">
            <thead>
              <tr>
                <th scope="col">Command</th>
                <th scope="col">State</th>
                <th scope="col">Queued</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queueOrder(commands.data).map((command) => (
                <QueueRow key={command.id} command={command} subject={subjectOf(command)} formats={formats} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
