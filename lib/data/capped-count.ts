import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A list's match count that stops at a cap: `total` is exact unless `isTotalCapped`, when more than `total` (= the cap) match. */
export type CappedCount = { total: number; isTotalCapped: boolean };

/**
 * How many rows `matches` (what follows `SELECT 1 FROM`: tables, `WHERE`, and an `ORDER BY` when one lets
 * the planner stop early) has, up to `cap`: COUNT(*) over a subquery with a LIMIT stops reading one past
 * the cap, so a broad filter over a big story costs the same as a narrow one.
 */
export async function countUpTo(matches: Prisma.Sql, cap: number): Promise<CappedCount> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM (SELECT 1 FROM ${matches} LIMIT ${cap + 1}) s`;
  const count = row?.count ?? 0;
  return { total: Math.min(count, cap), isTotalCapped: count > cap };
}
