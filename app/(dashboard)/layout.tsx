import { AppShell } from "@/components/layout/app-shell";
import { requirePageUser } from "@/lib/auth/session";
import { getAnalysisStatus } from "@/lib/data/analysis";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("/");
  const analysis = await getAnalysisStatus();
  return (
    <AppShell user={user} analysis={analysis}>
      {children}
    </AppShell>
  );
}
