import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/env";

/**
 * A logger writing one JSON line per event (`{"level","time","msg","err":{"type","message","stack"}}`)
 * to `destination`. Errors go under `err`, where pino's serializer keeps their type, message, stack and
 * cause. Stderr by default, so commands whose stdout is data (extract, bench) stay clean.
 */
export function createLogger(destination: DestinationStream = pino.destination({ dest: 2, sync: true })): Logger {
  return pino(
    {
      level: env().LOG_LEVEL,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

let shared: { key: string; logger: Logger } | undefined;

/**
 * The server's logger, made on first use and made again when `LOG_LEVEL` or `LOG_FILE` change. It writes
 * to stderr, or appends to `LOG_FILE` when that is set. Log an unexpected error with its stack as
 * `logger().error({ err: error }, "what was being done")`.
 */
export function logger(): Logger {
  const { LOG_LEVEL, LOG_FILE } = env();
  const key = `${LOG_LEVEL}\u0000${LOG_FILE ?? ""}`;
  if (shared?.key !== key) {
    shared = { key, logger: createLogger(pino.destination(LOG_FILE ? { dest: LOG_FILE, sync: true, mkdir: true, append: true } : { dest: 2, sync: true })) };
  }
  return shared.logger;
}
