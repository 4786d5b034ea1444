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

let shared: Logger | undefined;

/**
 * The server's logger, made on first use. Log an unexpected error with its stack as
 * `logger().error({ err: error }, "what was being done")`.
 */
export function logger(): Logger {
  shared ??= createLogger();
  return shared;
}
