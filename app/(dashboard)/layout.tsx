import Link from "next/link";
import { AnalysisStatus } from "@/components/layout/analysis-status";
import { AppNav } from "@/components/layout/app-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { requirePageUser } from "@/lib/auth/session";
import { getAnalysisStatus } from "@/lib/data/analysis";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("/");
  const analysis = await getAnalysisStatus();
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
