import Link from "next/link";
import { AnalysisStatus } from "@/components/layout/analysis-status";
import { AppNav } from "@/components/layout/app-nav";
import { UserMenu } from "@/components/layout/user-menu";
import type { AnalysisState } from "@/lib/analysis/freshness";
import type { CurrentUser } from "@/lib/auth/session";

export type AppShellProps = { user: CurrentUser; analysis: AnalysisState; children: React.ReactNode };

/** The logged-in pages' frame: the header with the navigation and the user's menu, the analysis banner, the page. */
export function AppShell({ user, analysis, children }: AppShellProps) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Briefing
          </Link>
          <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
            <AppNav isAdmin={user.role === "admin"} />
          </div>
          <UserMenu user={user} />
        </div>
      </header>
      <AnalysisStatus initial={analysis} />
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </div>
  );
}
