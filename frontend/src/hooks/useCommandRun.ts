import { useEffect, useRef } from "react";
import { useCommands, useStartCommand } from "../api/queries";
import type { Command } from "../api/types";
import { useLive } from "../live/LiveProvider";
import { isActive } from "../lib/commands";

/**
 * Start a command and follow it to its end where the user started it. Its state comes from the
 * commands cache, which the WebSocket keeps current (and polling, while the WebSocket is down).
 */
export function useCommandRun(onFinished?: (command: Command) => void) {
  const { status } = useLive();
  const commands = useCommands(status === "connected");
  const start = useStartCommand();
  const started = start.data;
  const command = started && (commands.data?.find((c) => c.id === started.id) ?? started);
  const finished = command !== undefined && !isActive(command) ? command : undefined;
  const done = useRef(onFinished);
  done.current = onFinished;
  useEffect(() => {
    if (finished) done.current?.(finished);
    // Once per command: a later refetch of the same finished command is not a new end.
  }, [finished?.id]);
  return {
    start: start.mutate,
    command,
    busy: start.isPending || (command !== undefined && isActive(command)),
    startError: start.isError ? start.error : undefined,
  };
}
