// The kept decisions on a movie's page: where each release came from and what became of it, in
// words that answer "why didn't it grab X?". Pure.
import type { DecisionSource, ReleaseDecision } from "../api/releases";

export const SOURCE_LABELS: Record<DecisionSource, string> = {
  rss: "RSS sync",
  search: "Automatic search",
  userInvokedSearch: "Search",
  interactiveSearch: "Interactive search",
  releasePush: "Pushed release",
};

export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source as DecisionSource] ?? source;
}

export interface DecisionSummary {
  label: string;
  tone: "completed" | "started" | "failed" | "muted";
  explanation: string;
}

/** What became of a release, and why. */
export function decisionSummary(
  decision: Pick<ReleaseDecision, "outcome" | "outcomeMessage" | "approved" | "temporarilyRejected" | "source">,
): DecisionSummary {
  switch (decision.outcome) {
    case "chosen":
      return { label: "Chosen", tone: "completed", explanation: "The best release found for this film, on its way to a download client." };
    case "grabbed":
      return { label: "Grabbed", tone: "completed", explanation: "The best release found for this film; it was sent to a download client." };
    case "downloadClientUnavailable":
      return {
        label: "Download client unavailable",
        tone: "started",
        explanation: `${decision.outcomeMessage ? `${decision.outcomeMessage}. ` : ""}It waits in the queue and is tried again at the next RSS sync, or grabbed from the queue.`,
      };
    case "pending":
      return {
        label: "Pending",
        tone: "started",
        explanation: "Refused for now only (see why below); it is decided again at each RSS sync until it can be taken.",
      };
    case "superseded":
      return { label: "Superseded", tone: "muted", explanation: "It was chosen, then a later sync or search chose a better release." };
  }
  const interactive = decision.source === "interactiveSearch";
  if (decision.approved) {
    return {
      label: "Acceptable",
      tone: "completed",
      explanation: interactive ? "An interactive search leaves the choice to you." : "Another release ranked higher.",
    };
  }
  if (decision.temporarilyRejected) {
    return {
      label: "Waiting",
      tone: "started",
      explanation: interactive ? "Refused for now only (see why below)." : "Refused for now only (see why below); a better release was chosen.",
    };
  }
  return { label: "Rejected", tone: "failed", explanation: "Every reason it was refused is below." };
}
