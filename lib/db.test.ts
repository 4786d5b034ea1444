import { describe, expect, it } from "vitest";
import { statementNames } from "@/lib/db";

const query = (sql: string, parameters = 1) => ({ sql, args: Array.from({ length: parameters }, () => "x") });

describe("statementNames", () => {
  it("gives one SQL text one name, and another text another", () => {
    const name = statementNames({ limit: 10, maxParameters: 4 });
    const first = name(query('SELECT 1 FROM "Issue" WHERE id = $1'));
    expect(first).toMatch(/^briefing_\d+$/);
    expect(name(query('SELECT 1 FROM "Issue" WHERE id = $1'))).toBe(first);
    const second = name(query('SELECT 1 FROM "Outlet" WHERE id = $1'));
    expect(second).toMatch(/^briefing_\d+$/);
    expect(second).not.toBe(first);
  });

  it("leaves unnamed a query with too many parameters, and every new text once the limit is reached", () => {
    const name = statementNames({ limit: 2, maxParameters: 4 });
    expect(name(query("SELECT $1, $2, $3, $4, $5", 5))).toBeUndefined();
    const first = name(query("SELECT $1", 1));
    const second = name(query("SELECT $1, $2", 2));
    expect([first, second].every(Boolean)).toBe(true);
    expect(name(query("SELECT $1, $2, $3", 3))).toBeUndefined();
    // The texts named before the limit keep their names.
    expect(name(query("SELECT $1", 1))).toBe(first);
    expect(name(query("SELECT $1, $2", 2))).toBe(second);
  });
});
