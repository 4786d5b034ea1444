import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    expect(parseEnv({} as NodeJS.ProcessEnv).PORT).toBe(3000);
  });
  it("listens on the loopback interface unless HOST says otherwise, whatever HOSTNAME holds", () => {
    expect(parseEnv({ HOSTNAME: "container-7f3a" } as unknown as NodeJS.ProcessEnv).HOST).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "" } as unknown as NodeJS.ProcessEnv).HOST).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "0.0.0.0" } as unknown as NodeJS.ProcessEnv).HOST).toBe("0.0.0.0");
  });
  it("names the bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty" } as unknown as NodeJS.ProcessEnv)).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" } as unknown as NodeJS.ProcessEnv)).toThrow(/DATABASE_URL: must be a postgresql/);
    expect(() => parseEnv({ AUTH_SECRET: "short" } as unknown as NodeJS.ProcessEnv)).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ AUTH_OIDC_ISSUER: "https://id.example" } as unknown as NodeJS.ProcessEnv)).toThrow(/AUTH_OIDC_ISSUER.*set together/);
  });
});
