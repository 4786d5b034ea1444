import fs from "node:fs";
import path from "node:path";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One `npm start` per data folder: a second one while the first runs stops with a clear message instead
 * of touching the embedded database. A lock left by a process that died is taken over.
 * @returns a function that releases the lock.
 */
export function acquireAppLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o711 });
  const file = path.join(dir, "app.pid");
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(fs.readFileSync(file, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `Briefing is already running from this folder (process ${pid}). Use that one, or stop it (Ctrl-C in its terminal) before starting again.`,
        );
      }
      fs.unlinkSync(file);
    }
  }
  throw new Error(`Could not take the lock ${file}.`);
}
