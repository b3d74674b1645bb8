import { useCommands, useTasks } from "../api/queries";
import type { Command, ScheduledTask } from "../api/types";
import { CommandOutcome } from "../components/CommandOutcome";
import { ErrorMessage, Loading } from "../components/Feedback";
import { When } from "../components/When";
import { useCommandRun } from "../hooks/useCommandRun";
import { useDateFormats } from "../hooks/useDateFormats";
import { useLive } from "../live/LiveProvider";
import { isActive, latestCommandFor } from "../lib/commands";
import { formatDuration, formatInterval, formatLongDateTime, type DateFormats } from "../lib/format";
import { CommandQueue } from "./CommandQueue";

function TaskRow({ task, latest, formats, now }: { task: ScheduledTask; latest: Command | undefined; formats: DateFormats; now: number }) {
  const run = useCommandRun();
  // The newest run of the task, started here or not (scheduled, another tab): the cache has them all.
  const command = latest ?? run.command;
  const busy = run.busy || (command !== undefined && isActive(command));
  // A task that never ran has a start of "Never" and no duration; the server's first execution time is not a run.
  const ran = Boolean(task.lastStartTime);
  return (
    <tr>
      <th scope="row">{task.name}</th>
      <td>{formatInterval(task.interval)}</td>
      <td>{ran ? <When value={task.lastStartTime} formats={formats} now={now} /> : "Never"}</td>
      <td>{ran ? formatDuration(task.lastDuration) : "—"}</td>
      <td>
        <When value={task.nextExecution} formats={formats} now={now} />
      </td>
      <td className="command-cell">
        <CommandOutcome
          command={command}
          startError={run.startError}
          title={command ? formatLongDateTime(command.ended ?? command.started ?? command.queued, formats) : undefined}
        />
      </td>
      <td className="actions">
        <button type="button" className="button button--small" aria-label={`Run ${task.name}`} disabled={busy} onClick={() => run.start({ name: task.taskName })}>
          Run
        </button>
      </td>
    </tr>
  );
}

function ScheduledTasks({ commands }: { commands: readonly Command[] | undefined }) {
  const tasks = useTasks();
  const formats = useDateFormats();
  const now = Date.now();
  return (
    <section className="panel" aria-labelledby="scheduled-heading">
      <h2 id="scheduled-heading">Scheduled</h2>
      {tasks.isPending && <Loading what="tasks" />}
      {tasks.isError && <ErrorMessage error={tasks.error} title="Tasks unavailable" />}
      {tasks.data && (
        <div className="table-wrap">
          <table className="table" aria-labelledby="scheduled-heading">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Interval</th>
                <th scope="col">Last start</th>
                <th scope="col">Last duration</th>
                <th scope="col">Next run</th>
                <th scope="col">Last run</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tasks.data.map((task) => (
                <TaskRow key={task.id} task={task} latest={latestCommandFor(commands, task.taskName)} formats={formats} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** System → Tasks: the scheduled tasks, and the queue of commands (queued, running, finished), live. */
export function TasksPage() {
  const { status } = useLive();
  const commands = useCommands(status === "connected");
  return (
    <>
      <h1>Tasks</h1>
      <ScheduledTasks commands={commands.data} />
      <CommandQueue commands={commands} />
    </>
  );
}
