/**
 * Prepares the end-to-end and bench server's throwaway database in a process of its own (see
 * lib/server/prepare.ts): the seeds, and one account per role.
 */
import { E2E_PASSWORD, E2E_USERS } from "@/e2e/fixtures/users";
import { createPrismaClient } from "@/lib/db";
import { loadSeeds } from "@/lib/seeds";
import { reportPreparation } from "@/lib/server/prepare";
import { createUser } from "@/lib/writes/users";

const db = createPrismaClient();
try {
  await loadSeeds(db, (line) => reportPreparation({ log: line }));
  for (const user of Object.values(E2E_USERS)) {
    if (!(await db.user.findUnique({ where: { email: user.email }, select: { id: true } }))) {
      await createUser(db, { ...user, password: E2E_PASSWORD });
    }
  }
  reportPreparation({ result: true });
} finally {
  await db.$disconnect();
}
