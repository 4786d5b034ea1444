import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Status" };

/**
 * `/status`: whether the app and its database answer, for a logged-in user; nothing else. It is the
 * cheapest page the server renders with a session check and a query, so `npm run bench` reports the
 * dashboard's and the briefs' render times as ratios to it.
 */
export default async function StatusPage() {
  const user = await requirePageUser("/status");
  await db.$queryRaw`SELECT 1`;
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-xl font-semibold">Briefing is running</h1>
      <p className="mt-2 text-sm text-gray-700">
        Signed in as {user.name} ({user.role}). The database answered.
      </p>
    </main>
  );
}
