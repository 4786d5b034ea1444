import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedClaim } from "@/components/share/shared-claim";
import { SharedIssueBrief } from "@/components/share/shared-issue-brief";
import { staticPublicOrigin } from "@/lib/api/public-origin";
import { getSharedView, type SharedView } from "@/lib/data/share-links";
import { plural } from "@/lib/format";
import { organizationName } from "@/lib/organization";

/**
 * A share page is the same for every reader, so it is rendered once and kept for a minute (incremental
 * static regeneration): a link sent round a newsroom costs one render a minute, not one per reader.
 * proxy.ts checks the token on every request, so a revoked or expired link is a 404 at once, and counts
 * the open. Absolute URLs in the metadata use APP_URL (no request is at hand when the page renders).
 */
export const revalidate = 60;

export function generateStaticParams(): { token: string }[] {
  return [];
}

type Props = { params: Promise<{ token: string }> };

const ROBOTS: Metadata["robots"] = { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } };

function describe(view: SharedView): { title: string; description: string } {
  if (view.kind === "issue") {
    const { brief } = view;
    return {
      title: brief.issue.title,
      description:
        `${plural(brief.totals.sources, "source")}, ${plural(brief.totals.claims, "claim")}, ${plural(brief.discrepancies.length, "discrepancy", "discrepancies")}. ${brief.issue.description}`.trim(),
    };
  }
  const { claim } = view;
  const by = [claim.speaker, claim.article.outlet].filter(Boolean).join(" in ");
  return { title: by ? `Claim by ${by}` : "Claim", description: claim.text.length > 280 ? `${claim.text.slice(0, 279)}…` : claim.text };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const origin = staticPublicOrigin();
  const view = await getSharedView(token);
  if (!view) return { title: "Link not available", robots: ROBOTS, metadataBase: new URL(origin) };
  const { title, description } = describe(view);
  const url = `/s/${token}`;
  return {
    metadataBase: new URL(origin),
    title,
    description,
    robots: ROBOTS,
    referrer: "no-referrer",
    alternates: { canonical: url },
    openGraph: { type: "article", title, description, url, siteName: organizationName() },
    twitter: { card: "summary_large_image", title, description },
  };
}

/** A shared issue brief or claim: server-rendered, complete without JavaScript, and the same 404 for every dead link. */
export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const view = await getSharedView(token);
  if (!view) notFound();
  const asOf = new Date();
  return view.kind === "issue" ? <SharedIssueBrief view={view} asOf={asOf} /> : <SharedClaim view={view} asOf={asOf} />;
}
