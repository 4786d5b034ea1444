export const WRONG_CREDENTIALS_MESSAGE = "Wrong email or password.";

function formatTime(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  const clock = until.toISOString().slice(11, 16);
  return `${clock} UTC (in ${minutes} minute${minutes === 1 ? "" : "s"})`;
}

/**
 * The login page's message for an Auth.js CredentialsSignin `code`: lockouts say when to try again,
 * everything else is the one generic message, so the page never tells which part was wrong.
 */
export function loginErrorMessage(code: string | undefined, now = new Date()): string {
  const match = /^locked-(account|address)-(\d+)$/.exec(code ?? "");
  if (!match) return WRONG_CREDENTIALS_MESSAGE;
  const until = new Date(Number(match[2]));
  return match[1] === "account"
    ? `Too many failed attempts for this account from your network. Try again after ${formatTime(until, now)}.`
    : `Too many failed attempts from your network. Try again after ${formatTime(until, now)}.`;
}
