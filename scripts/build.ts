/** `npm run build`: a production build into NEXT_DIST_DIR (default .next), skipped when the sources have not changed. */
import { buildIfNeeded } from "@/lib/server/build";

try {
  buildIfNeeded(process.env.NEXT_DIST_DIR || ".next", console.log);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
