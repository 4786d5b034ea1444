import { env } from "@/lib/env";

/** The newsroom's name on share pages and in exports (the ClaimReview author): `BRIEFING_ORGANIZATION`, else "Briefing". */
export function organizationName(): string {
  return env().BRIEFING_ORGANIZATION ?? "Briefing";
}
