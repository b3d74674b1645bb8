/**
 * Milliseconds to wait before reconnect attempt `attempt` (1, 2, ...): exponential from 1 s, capped
 * at 30 s, with "full jitter" between half and the whole delay so many tabs don't reconnect in step.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
