import { useEffect } from "react";

/**
 * Runs `check` at once and then every `intervalMs` while the tab is visible, until unmounted or given a new
 * `check`; `isStopped` tells a check that finishes afterwards to drop its result. A failed check is retried
 * at the next tick.
 */
export function usePolling(check: (isStopped: () => boolean) => Promise<void>, intervalMs: number) {
  useEffect(() => {
    let isStopped = false;
    const tick = async () => {
      if (document.hidden || isStopped) return;
      try {
        await check(() => isStopped);
      } catch {
        // A missed poll is retried at the next tick.
      }
    };
    void tick();
    const timer = window.setInterval(() => void tick(), intervalMs);
    return () => {
      isStopped = true;
      window.clearInterval(timer);
    };
  }, [check, intervalMs]);
}
