// The entry file of an extraction thread. Plain JavaScript so that any Node process can start it (a tsx
// script, `next start`, a test runner); it loads the TypeScript body through tsx's loader, which needs
// nothing compiled ahead.
import { tsImport } from "tsx/esm/api";

await tsImport("./extraction-thread.ts", import.meta.url);
