import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Configuration is read through lib/env.ts, validated, at run time. Scripts, tests and tool configs may
    // read or set the environment of the processes they start.
    ignores: ["lib/env.ts", "scripts/**", "tests/**", "e2e/**", "**/*.test.ts", "*.config.{js,mjs,ts}"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through env() from lib/env.ts (add the variable to its schema and to .env.example).",
        },
      ],
    },
  },
  {
    files: ["e2e/**/*.ts"],
    ignores: ["e2e/fixtures/test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test"],
              message: "Import test from ./fixtures/test, whose browser is started again if it crashes while starting.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next*/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "node_modules/**", ".scratch/**"]),
]);
