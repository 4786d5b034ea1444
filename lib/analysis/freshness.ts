// Pure: what the "Updating…" notice decides, shared by the server and the browser.

/** What `GET /api/analysis` answers: whether the stored analysis is being brought up to date. */
export type AnalysisState = {
  state: "idle" | "queued" | "running";
  /** When the run now under way started, else when the last completed run started (ISO), or null. */
  startedAt: string | null;
  /** When the last completed run finished (ISO), or null before the first. */
  finishedAt: string | null;
  /** Changes with every completed run: pages compare it with the one they were rendered at. */
  version: string;
  /** The stored analysis takes in every change made before this moment (when its run started), or null. */
  coveredAt: string | null;
  /** The latest change the queued or running work was requested for (null when idle). */
  pendingAt: string | null;
  /** How far the running job has got, 0 to 1, when it reports it. */
  progress?: number;
};

/**
 * Whether a page rendered with the analysis `shown` should say "Updating…" now: only while queued or
 * running work covers changes made after the data that analysis was computed from.
 */
export function coversNewerData(shown: Pick<AnalysisState, "coveredAt">, now: Pick<AnalysisState, "state" | "pendingAt">): boolean {
  if (now.state === "idle" || !now.pendingAt) return false;
  return !shown.coveredAt || Date.parse(now.pendingAt) > Date.parse(shown.coveredAt);
}
