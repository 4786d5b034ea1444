import { notFound } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { getCachedPageReader } from "@/lib/auth/session";
import { getAnalysisStatus } from "@/lib/data/analysis";

type Props = { children: React.ReactNode; params: Promise<{ key: string }> };

/**
 * The frame of the pages served from the page cache (lib/server/page-cache.ts): the reader is the one the
 * signed key names, not a session (these pages are rendered once for many requests, so they read no
 * cookie); proxy.ts checked the session before it sent the request here.
 */
export default async function CachedPagesLayout({ children, params }: Props) {
  const [user, analysis] = await Promise.all([getCachedPageReader((await params).key), getAnalysisStatus()]);
  if (!user) notFound();
  return (
    <AppShell user={user} analysis={analysis}>
      {children}
    </AppShell>
  );
}
