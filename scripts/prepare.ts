/**
 * Prepares the app's database before `npm start` serves it, in a process of its own (see
 * lib/server/prepare.ts): loads the seeds once and creates the first admin on an empty database.
 * Reports its progress and result as JSON lines on stdout; DATABASE_URL names the database.
 */
import { createPrismaClient } from "@/lib/db";
import { loadSeeds } from "@/lib/seeds";
import { reportPreparation, type PreparedApp } from "@/lib/server/prepare";
import { ensureFirstAdmin } from "@/lib/writes/users";

const client = createPrismaClient();
try {
  const seeded = await loadSeeds(client, (line) => reportPreparation({ log: line }));
  const admin = await ensureFirstAdmin(client);
  reportPreparation({ result: { articles: seeded.articles, admin } satisfies PreparedApp });
} finally {
  await client.$disconnect();
}
