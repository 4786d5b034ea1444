import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readSession, sessionReadFailed } from "./session-read";

describe("readSession", () => {
  it("answers what the read answers, a session or none", async () => {
    await expect(readSession(async () => ({ user: { id: "u1" } }))).resolves.toEqual({ user: { id: "u1" } });
    await expect(readSession(async () => null)).resolves.toBeNull();
  });

  it("fails as database_unavailable (503) when the session callback's read failed, though Auth.js answered no session", async () => {
    const read = readSession(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      // What Auth.js does: the callback reports the failure and throws; Auth.js catches it and answers null.
      sessionReadFailed(new Error("terminating connection due to administrator command"));
      return null;
    });
    const error = await read.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "database_unavailable", status: 503, message: expect.stringMatching(/database did not answer/) as string });
  });

  it("keeps one read's failure to that read", async () => {
    const failing = readSession(async () => {
      sessionReadFailed(new Error("gone"));
      return null;
    });
    const fine = readSession(async () => ({ user: { id: "u2" } }));
    await expect(failing).rejects.toMatchObject({ code: "database_unavailable" });
    await expect(fine).resolves.toEqual({ user: { id: "u2" } });
    expect(() => sessionReadFailed(new Error("outside any read"))).not.toThrow();
  });
});
