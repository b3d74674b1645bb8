import { isActive, useCommands, useRunCommand, useTasks } from "../api/queries";
import type { Command, ScheduledTask } from "../api/types";
import { ErrorMessage, Loading } from "../components/Feedback";
import { useLive } from "../live/LiveProvider";
import { commandStatusLabel, latestCommandFor } from "../lib/commands";
import { formatDateTime, formatDuration, formatInterval, isNever } from "../lib/format";

function CommandState({ command }: { command: Command | undefined }) {
  if (!command) return <span className="muted">—</span>;
  const when = command.ended ?? command.started ?? command.queued;
  return (
    <span
      className={`badge badge--${command.status}`}
      title={when ? formatDateTime(when) : undefined}
      data-command-id={command.id}
    >
      {commandStatusLabel(command.status)}
      {command.message && command.status !== "completed" ? `: ${command.message}` : ""}
    </span>
  );
}

function TaskRow({ task, command }: { task: ScheduledTask; command: Command | undefined }) {
  const run = useRunCommand();
  const busy = run.isPending || (command !== undefined && isActive(command));
  return (
    <tr>
      <th scope="row">{task.name}</th>
      <td>{formatInterval(task.interval)}</td>
      <td>{formatDateTime(task.lastExecution)}</td>
      <td>{isNever(task.lastExecution) ? "—" : formatDuration(task.lastDuration)}</td>
      <td>{formatDateTime(task.nextExecution)}</td>
      <td aria-live="polite">
        {run.isError ? <span className="badge badge--failed">{`Could not start: ${run.error.message}`}</span> : <CommandState command={command} />}
      </td>
      <td className="actions">
        <button
          type="button"
          className="button button--small"
          aria-label={`Run ${task.name}`}
          disabled={busy}
          onClick={() => run.mutate(task.taskName)}
        >
          Run
        </button>
      </td>
    </tr>
  );
}

export function TasksPage() {
  const { status } = useLive();
  const tasks = useTasks();
  const commands = useCommands(status === "connected");
  return (
    <>
      <h1>Tasks</h1>
      <section className="panel" aria-labelledby="scheduled-heading">
        <h2 id="scheduled-heading">Scheduled</h2>
        {tasks.isPending && <Loading what="tasks" />}
        {tasks.isError && <ErrorMessage error={tasks.error} title="Tasks unavailable" />}
        {tasks.data && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Interval</th>
                  <th scope="col">Last execution</th>
                  <th scope="col">Last duration</th>
                  <th scope="col">Next execution</th>
                  <th scope="col">Last run</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tasks.data.map((task) => (
                  <TaskRow key={task.id} task={task} command={latestCommandFor(commands.data, task.taskName)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
