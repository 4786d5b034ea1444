import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { env, envSchema, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    expect(parseEnv({} as NodeJS.ProcessEnv).PORT).toBe(3000);
  });
  it("listens on the loopback interface unless HOST says otherwise, whatever HOSTNAME holds", () => {
    expect(parseEnv({ HOSTNAME: "container-7f3a" } as unknown as NodeJS.ProcessEnv).HOST).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "" } as unknown as NodeJS.ProcessEnv).HOST).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "0.0.0.0" } as unknown as NodeJS.ProcessEnv).HOST).toBe("0.0.0.0");
  });
  it("runs a job worker in npm start unless BRIEFING_WORKER turns it off; the queue's schema is an identifier", () => {
    expect(parseEnv({} as NodeJS.ProcessEnv).BRIEFING_WORKER).toBe(true);
    expect(parseEnv({ BRIEFING_WORKER: "off" } as unknown as NodeJS.ProcessEnv).BRIEFING_WORKER).toBe(false);
    expect(parseEnv({ BRIEFING_WORKER: "0" } as unknown as NodeJS.ProcessEnv).BRIEFING_WORKER).toBe(false);
    expect(() => parseEnv({ BRIEFING_WORKER: "maybe" } as unknown as NodeJS.ProcessEnv)).toThrow(/BRIEFING_WORKER: must be on or off/);
    expect(parseEnv({} as NodeJS.ProcessEnv).JOBS_SCHEMA).toBe("pgboss");
    expect(() => parseEnv({ JOBS_SCHEMA: "jobs; DROP TABLE x" } as unknown as NodeJS.ProcessEnv)).toThrow(/JOBS_SCHEMA/);
  });
  it("names the app server's statements unless DATABASE_PREPARED_STATEMENTS turns it off", () => {
    expect(parseEnv({} as NodeJS.ProcessEnv).DATABASE_PREPARED_STATEMENTS).toBe(true);
    expect(parseEnv({ DATABASE_PREPARED_STATEMENTS: "off" } as unknown as NodeJS.ProcessEnv).DATABASE_PREPARED_STATEMENTS).toBe(false);
    expect(() => parseEnv({ DATABASE_PREPARED_STATEMENTS: "sometimes" } as unknown as NodeJS.ProcessEnv)).toThrow(
      /DATABASE_PREPARED_STATEMENTS: must be on or off/,
    );
  });
  it("names the bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty" } as unknown as NodeJS.ProcessEnv)).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" } as unknown as NodeJS.ProcessEnv)).toThrow(/DATABASE_URL: must be a postgresql/);
    expect(() => parseEnv({ AUTH_SECRET: "short" } as unknown as NodeJS.ProcessEnv)).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ AUTH_OIDC_ISSUER: "https://id.example" } as unknown as NodeJS.ProcessEnv)).toThrow(/AUTH_OIDC_ISSUER.*set together/);
  });
});

describe("env", () => {
  const saved = process.env.BRIEFING_ORGANIZATION;
  afterEach(() => {
    if (saved === undefined) delete process.env.BRIEFING_ORGANIZATION;
    else process.env.BRIEFING_ORGANIZATION = saved;
  });

  it("reads the environment as it is when called, not as it was at import", () => {
    process.env.BRIEFING_ORGANIZATION = "The Morning Desk";
    expect(env().BRIEFING_ORGANIZATION).toBe("The Morning Desk");
    process.env.BRIEFING_ORGANIZATION = "The Evening Desk";
    expect(env().BRIEFING_ORGANIZATION).toBe("The Evening Desk");
    delete process.env.BRIEFING_ORGANIZATION;
    expect(env().BRIEFING_ORGANIZATION).toBeUndefined();
  });

  it("fails with the variable's name when a value set later is bad", () => {
    process.env.BRIEFING_ORGANIZATION = "x".repeat(201);
    expect(() => env()).toThrow(/BRIEFING_ORGANIZATION/);
  });
});

describe(".env.example", () => {
  it("documents every variable of the schema with a comment above it", () => {
    const lines = fs.readFileSync(".env.example", "utf8").split("\n");
    for (const name of Object.keys(envSchema.shape)) {
      const at = lines.findIndex((line) => new RegExp(`^#? ?${name}=`).test(line));
      expect(at, `${name} is missing from .env.example`).toBeGreaterThan(0);
      const variableLine = /^#? ?[A-Z][A-Z0-9_]*=/;
      const above = lines.slice(0, at).findLast((line) => !variableLine.test(line));
      expect(above, `${name} in .env.example needs a comment saying what it is`).toMatch(/^# \S/);
    }
  });

  it("lists only variables the schema reads", () => {
    const listed = [...fs.readFileSync(".env.example", "utf8").matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
    expect(listed.filter((name) => !(name! in envSchema.shape))).toEqual([]);
  });
});
