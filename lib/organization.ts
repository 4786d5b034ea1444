/** The newsroom's name on share pages and in exports (the ClaimReview author): `BRIEFING_ORGANIZATION`, else "Briefing". */
export function organizationName(): string {
  return process.env.BRIEFING_ORGANIZATION?.trim() || "Briefing";
}
