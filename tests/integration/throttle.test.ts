import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, LOCKOUT_WINDOW_MS, findLockout, recordLoginAttempt } from "@/lib/auth/throttle";
import type { Db } from "@/lib/db";
import { connectTestDb, resetDatabase } from "./helpers";

let db: Db;

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
});
afterAll(async () => db.$disconnect());

async function fail(email: string, ip: string, times: number, at?: Date) {
  for (let index = 0; index < times; index += 1) {
    if (at) await db.loginAttempt.create({ data: { email, ip, success: false, createdAt: new Date(at.getTime() + index * 1000) } });
    else await recordLoginAttempt(db, email, ip, false);
  }
}

describe("login throttling, counted in the database", () => {
  it("locks one account from one address after five failures, for fifteen minutes", async () => {
    await fail("a@x.test", "10.0.0.1", ACCOUNT_FAILURE_LIMIT - 1);
    expect(await findLockout(db, "a@x.test", "10.0.0.1")).toBeUndefined();
    await fail("a@x.test", "10.0.0.1", 1);
    const lockout = await findLockout(db, "a@x.test", "10.0.0.1");
    expect(lockout?.scope).toBe("account");
    expect(lockout!.until.getTime() - Date.now()).toBeGreaterThan(LOCKOUT_WINDOW_MS - 60_000);
    expect(await findLockout(db, "a@x.test", "10.0.0.2")).toBeUndefined();
    expect(await findLockout(db, "b@x.test", "10.0.0.1")).toBeUndefined();
    expect(await findLockout(db, "a@x.test", "10.0.0.1", new Date(Date.now() + LOCKOUT_WINDOW_MS + 1000))).toBeUndefined();
  });

  it("does not count failures spread wider than the window", async () => {
    const old = new Date(Date.now() - LOCKOUT_WINDOW_MS - 5 * 60_000);
    await fail("c@x.test", "10.0.0.3", 4, old);
    await fail("c@x.test", "10.0.0.3", 1);
    expect(await findLockout(db, "c@x.test", "10.0.0.3")).toBeUndefined();
  });

  it("a success clears the account's count", async () => {
    await fail("d@x.test", "10.0.0.4", 4);
    await recordLoginAttempt(db, "d@x.test", "10.0.0.4", true);
    await fail("d@x.test", "10.0.0.4", 1);
    expect(await findLockout(db, "d@x.test", "10.0.0.4")).toBeUndefined();
  });

  it("locks a whole address after thirty failures across accounts", async () => {
    for (let index = 0; index < ADDRESS_FAILURE_LIMIT; index += 1) await fail(`spray${index}@x.test`, "10.0.0.9", 1);
    const lockout = await findLockout(db, "fresh@x.test", "10.0.0.9");
    expect(lockout?.scope).toBe("address");
    expect(await findLockout(db, "fresh@x.test", "10.0.0.10")).toBeUndefined();
  });
});
