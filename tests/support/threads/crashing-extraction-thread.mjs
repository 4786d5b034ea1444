// An extraction thread that dies, as a thread can (a native fault, its memory limit), when it is given
// a text containing "CRASH THIS THREAD"; otherwise it is the real one. For the pool's tests.
import path from "node:path";
import { parentPort } from "node:worker_threads";

parentPort.on("message", (message) => {
  if (message.type === "extract" && message.text.includes("CRASH THIS THREAD")) process.exit(7);
});

await import(path.join(process.cwd(), "lib", "workers", "extraction-thread.mjs"));
