import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { assertTestDatabase } from "@/tests/support/test-db";

const url = assertTestDatabase(env().DATABASE_URL);
const clients: Db[] = [];
afterAll(() => Promise.all(clients.map((client) => client.$disconnect())));

/** The statements prepared on one connection after running the same read twice on it. */
async function preparedAfterTwoReads(preparedStatements: boolean) {
  const client = createPrismaClient(url, { preparedStatements });
  clients.push(client);
  // One interactive transaction holds one connection, so the reads and the look at what it prepared share it.
  return client.$transaction(async (tx) => {
    const first = await tx.issue.findMany({ where: { slug: "no-such-issue" }, select: { id: true } });
    const second = await tx.issue.findMany({ where: { slug: "no-such-issue" }, select: { id: true } });
    const prepared = await tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
    return { reads: [first, second], prepared };
  });
}

describe("prepared statements", () => {
  it("the app server's client prepares a read once on its connection and runs it again by name", async () => {
    const { reads, prepared } = await preparedAfterTwoReads(true);
    expect(reads).toEqual([[], []]);
    const issueReads = prepared.filter((row) => row.statement.includes('"Issue"') && row.statement.includes('"slug"'));
    expect(issueReads).toHaveLength(1);
    expect(issueReads[0]!.name).toMatch(/^briefing_\d+$/);
  });

  it("a client without them (jobs, scripts) leaves every statement unnamed", async () => {
    const { reads, prepared } = await preparedAfterTwoReads(false);
    expect(reads).toEqual([[], []]);
    expect(prepared.filter((row) => row.name.startsWith("briefing_"))).toEqual([]);
  });
});
