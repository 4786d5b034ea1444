"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef } from "react";
import { usePolling } from "@/components/ui/use-polling";

export type LiveRefreshProps = { intervalMs?: number };

/**
 * Polls the shared change token and refreshes the server-rendered page when a teammate changed a
 * claim or a note. Polling the database-backed token works across app instances.
 */
export function LiveRefresh({ intervalMs = 4000 }: LiveRefreshProps) {
  const router = useRouter();
  const token = useRef<string | null>(null);
  const check = useCallback(
    async (isStopped: () => boolean) => {
      const response = await fetch("/api/claims/changes", { cache: "no-store" });
      if (!response.ok) return;
      const { token: next } = (await response.json()) as { token: string };
      if (isStopped()) return;
      if (token.current !== null && token.current !== next) router.refresh();
      token.current = next;
    },
    [router],
  );
  usePolling(check, intervalMs);
  return null;
}
