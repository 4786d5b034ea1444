/**
 * `npm run user -- add EMAIL --role viewer|editor|admin [--name NAME]`
 * The password comes from BRIEFING_PASSWORD or, on a terminal, a prompt that does not echo.
 * `npm run user -- unlock EMAIL` / `npm run user -- unlock --address IP` lifts a login lockout.
 */
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { clearLockout } from "@/lib/auth/throttle";
import { runCommand, withDatabase } from "@/lib/server/database";
import { createUser, UserExistsError } from "@/lib/writes/users";
import { ROLES } from "@/lib/validations/auth";
import { env } from "@/lib/env";

const USAGE = `Usage: npm run user -- add EMAIL --role ${ROLES.join("|")} [--name NAME]
       npm run user -- unlock EMAIL           (lift a login lockout of one account)
       npm run user -- unlock --address IP    (lift the lockout of one address, e.g. your proxy's)
The password is read from BRIEFING_PASSWORD, or asked for when run on a terminal (12+ characters).`;

async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new Error("No password: set BRIEFING_PASSWORD, or run this on a terminal to be asked for one.");
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(question);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let value = "";
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString("utf8")) {
          if (char === "\r" || char === "\n") {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off("data", onData);
            process.stdout.write("\n");
            resolve(value);
            return;
          }
          if (char === "\u0003") process.exit(130);
          if (char === "\u007f") value = value.slice(0, -1);
          else value += char;
        }
      };
      stdin.on("data", onData);
    });
  const first = await ask("Password (12+ characters): ");
  const second = await ask("Repeat it: ");
  if (first !== second) throw new Error("The two passwords differ; nothing was created.");
  return first;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: "string" }, name: { type: "string" }, address: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, email] = positionals;
  if (command === "unlock" && !values.help && Boolean(email) !== Boolean(values.address)) {
    const target = values.address ? { ip: values.address } : { email: email!.trim().toLowerCase() };
    const count = await withDatabase((db) => clearLockout(db, target));
    console.log(`Unlocked ${values.address ? `address ${values.address}` : email} (${count} failed attempt${count === 1 ? "" : "s"} forgotten).`);
    return 0;
  }
  if (values.help || command !== "add" || !email) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (!values.role) {
    console.error(`--role is required (${ROLES.join(", ")}).\n${USAGE}`);
    return 2;
  }
  const password = env().BRIEFING_PASSWORD ?? (await promptPassword());
  const role = values.role;
  return withDatabase(async (db) => {
    try {
      const user = await createUser(db, { email, role, name: values.name, password });
      console.log(`Created ${user.role} ${user.email}.`);
      return 0;
    } catch (error) {
      if (error instanceof UserExistsError) console.error(error.message);
      else if (error instanceof ZodError) console.error(error.issues.map((issue) => issue.message).join("\n"));
      else throw error;
      return 1;
    }
  });
}

runCommand(main);
