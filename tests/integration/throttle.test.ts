import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  LOCKOUT_WINDOW_MS,
  clearLockout,
  findLockout,
  recordLoginAttempt,
  reserveLoginAttempt,
  settleLoginAttempt,
} from "@/lib/auth/throttle";
import type { Db } from "@/lib/db";
import { createUser } from "@/lib/writes/users";
import { attemptLogin, hasSession } from "./auth-client";
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

  it("lets an account that has logged in from a locked address keep logging in from it", async () => {
    await recordLoginAttempt(db, "known@x.test", "10.0.0.9", true);
    expect(await findLockout(db, "known@x.test", "10.0.0.9")).toBeUndefined();
    await fail("known@x.test", "10.0.0.9", ACCOUNT_FAILURE_LIMIT);
    expect((await findLockout(db, "known@x.test", "10.0.0.9"))?.scope).toBe("account");
  });

  it("clearing an account's or an address's failures lifts the lockout", async () => {
    await fail("e@x.test", "10.0.0.5", ACCOUNT_FAILURE_LIMIT);
    expect((await findLockout(db, "e@x.test", "10.0.0.5"))?.scope).toBe("account");
    expect(await clearLockout(db, { email: "e@x.test" })).toBe(ACCOUNT_FAILURE_LIMIT);
    expect(await findLockout(db, "e@x.test", "10.0.0.5")).toBeUndefined();
    expect(await clearLockout(db, { ip: "10.0.0.9" })).toBeGreaterThanOrEqual(ADDRESS_FAILURE_LIMIT);
    expect(await findLockout(db, "fresh@x.test", "10.0.0.9")).toBeUndefined();
  });
});

describe("login throttling under concurrent attempts", () => {
  /** What 100 simultaneous login requests do before any password is checked: how many get to check one. */
  async function flood(attempts: { email: string; ip: string }[]) {
    const reservations = await Promise.all(attempts.map(({ email, ip }) => reserveLoginAttempt(db, email, ip)));
    return reservations.filter((reservation) => reservation.attemptId).length;
  }

  it("checks at most five passwords of one account, and the flood does not lock the address for others", async () => {
    const checked = await flood(Array.from({ length: 100 }, () => ({ email: "target@x.test", ip: "10.1.0.1" })));
    expect(checked).toBe(ACCOUNT_FAILURE_LIMIT);
    expect((await findLockout(db, "target@x.test", "10.1.0.1"))?.scope).toBe("account");
    const other = await reserveLoginAttempt(db, "untouched@x.test", "10.1.0.1");
    expect(other.lockout).toBeUndefined();
    await settleLoginAttempt(db, other.attemptId!);
    expect(await findLockout(db, "untouched@x.test", "10.1.0.1")).toBeUndefined();
  });

  it("checks at most thirty passwords from one address across accounts", async () => {
    await recordLoginAttempt(db, "teammate@x.test", "10.1.0.2", true);
    const checked = await flood(Array.from({ length: 100 }, (_, index) => ({ email: `spray${index}@y.test`, ip: "10.1.0.2" })));
    expect(checked).toBe(ADDRESS_FAILURE_LIMIT);
    expect((await findLockout(db, "newcomer@x.test", "10.1.0.2"))?.scope).toBe("address");
    expect(await findLockout(db, "teammate@x.test", "10.1.0.2")).toBeUndefined();
    expect(await findLockout(db, "newcomer@x.test", "10.1.0.3")).toBeUndefined();
  });
});

describe("login throttling through the real login endpoint", () => {
  it("100 simultaneous wrong passwords check five, and another account logs in from the same address", async () => {
    const password = "the right long password";
    await createUser(db, { email: "flooded@x.test", role: "viewer", password });
    await createUser(db, { email: "bystander@x.test", role: "viewer", password });
    const attempts = await Promise.all(Array.from({ length: 100 }, (_, index) => attemptLogin("flooded@x.test", `wrong password ${index}`, "10.3.0.1")));
    expect(attempts.filter(hasSession)).toHaveLength(0);
    expect(await db.loginAttempt.count({ where: { email: "flooded@x.test" } })).toBe(ACCOUNT_FAILURE_LIMIT);
    expect(hasSession(await attemptLogin("flooded@x.test", password, "10.3.0.1"))).toBe(false);
    expect(hasSession(await attemptLogin("bystander@x.test", password, "10.3.0.1"))).toBe(true);
  });
});

describe("npm run user -- unlock", () => {
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/user.ts", ...args], { encoding: "utf8", env: process.env });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  it("lets a locked-out account, or a locked address, in again", async () => {
    await fail("locked@x.test", "10.4.0.1", ACCOUNT_FAILURE_LIMIT);
    expect((await findLockout(db, "locked@x.test", "10.4.0.1"))?.scope).toBe("account");
    const unlocked = run("unlock", "Locked@x.test");
    expect(unlocked).toEqual({ status: 0, output: expect.stringContaining(`Unlocked Locked@x.test (${ACCOUNT_FAILURE_LIMIT} failed attempts forgotten).`) });
    expect(await findLockout(db, "locked@x.test", "10.4.0.1")).toBeUndefined();

    for (let index = 0; index < ADDRESS_FAILURE_LIMIT; index += 1) await fail(`crowd${index}@x.test`, "10.4.0.2", 1);
    expect((await findLockout(db, "newcomer@x.test", "10.4.0.2"))?.scope).toBe("address");
    expect(run("unlock", "--address", "10.4.0.2").status).toBe(0);
    expect(await findLockout(db, "newcomer@x.test", "10.4.0.2")).toBeUndefined();

    expect(run("unlock").status).toBe(2);
  });
});
