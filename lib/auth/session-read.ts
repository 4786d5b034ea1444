import { AsyncLocalStorage } from "node:async_hooks";
import { AppError } from "@/lib/errors";

const reads = new AsyncLocalStorage<{ error?: unknown }>();

/**
 * Runs a session read (Auth.js's `auth()`) and throws `database_unavailable` if the session callback
 * could not reach the database. Auth.js answers any error in its callbacks with "no session", so
 * without this a database that fails for a moment would read as a logged-out visitor: pages would
 * send people to the login page and the API would answer 401.
 */
export async function readSession<T>(read: () => Promise<T>): Promise<T> {
  const slot: { error?: unknown } = {};
  const result = await reads.run(slot, read);
  if (slot.error !== undefined) {
    throw new AppError("database_unavailable", "Your session could not be checked because the database did not answer; try again in a moment.");
  }
  return result;
}

/** Called by the session callback when its database read fails, before it throws: the read then fails as a whole. */
export function sessionReadFailed(error: unknown): void {
  const slot = reads.getStore();
  if (slot && slot.error === undefined) slot.error = error;
}
