"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { refreshPage } from "@/components/layout/page-refresh";
import { coversNewerData, type AnalysisState } from "@/lib/analysis/freshness";

export type AnalysisStatusProps = {
  /** The state when the page was rendered: its `version` is the analysis the page shows. */
  initial: AnalysisState;
  busyIntervalMs?: number;
  idleIntervalMs?: number;
};

/**
 * Says "Updating…" while queued or running analysis work covers changes newer than the data the page's
 * analysis was computed from ({@link coversNewerData}; a run over data the page already shows says
 * nothing), and refreshes the page once the analysis it shows is out of date and nothing newer is pending
 * (`refreshPage`: by rendering it again, or the page's own way). Polls `GET /api/analysis`, which reads
 * the database, so a run started from another app instance or the command line counts too.
 */
export function AnalysisStatus({ initial, busyIntervalMs = 1500, idleIntervalMs = 3000 }: AnalysisStatusProps) {
  const router = useRouter();
  const [state, setState] = useState<AnalysisState>(initial);
  const [rendered, setRendered] = useState(initial);
  // The analysis the page shows: the one it was rendered with, or a later one it took in by itself.
  const [showing, setShowing] = useState(initial);
  const shown = useRef(initial);
  if (rendered !== initial) {
    // The page was rendered again (a refresh or navigation): it now shows the analysis it was given.
    setRendered(initial);
    setShowing(initial);
    setState(initial);
  }

  useEffect(() => {
    shown.current = showing;
  }, [showing]);

  useEffect(() => {
    let isStopped = false;
    let timer: number | undefined;
    const schedule = (isBusy: boolean) => {
      if (!isStopped) timer = window.setTimeout(() => void check(), isBusy ? busyIntervalMs : idleIntervalMs);
    };
    const check = async () => {
      let isBusy = state.state !== "idle";
      if (!document.hidden) {
        try {
          const response = await fetch("/api/analysis", { cache: "no-store" });
          if (response.ok) {
            const next = (await response.json()) as AnalysisState;
            if (isStopped) return;
            isBusy = next.state !== "idle";
            setState(next);
            if (!coversNewerData(shown.current, next) && next.version !== shown.current.version) {
              shown.current = next;
              if (refreshPage(router)) setShowing(next);
            }
          }
        } catch {
          // A missed poll is retried at the next tick.
        }
      }
      schedule(isBusy);
    };
    schedule(state.state !== "idle");
    return () => {
      isStopped = true;
      window.clearTimeout(timer);
    };
  }, [router, state, busyIntervalMs, idleIntervalMs]);

  const isBusy = coversNewerData(showing, state);
  return (
    <div aria-live="polite" data-testid="analysis-status" className={isBusy ? "border-b border-amber-300 bg-amber-50 text-amber-950" : "sr-only"}>
      {isBusy ? (
        <p className="mx-auto max-w-7xl px-4 py-2 text-sm">
          <span className="font-semibold">Updating…</span> The briefs are being recomputed with the latest changes; this page refreshes by itself when they are
          ready.
        </p>
      ) : null}
    </div>
  );
}
