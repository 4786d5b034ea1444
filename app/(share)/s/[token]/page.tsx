import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedClaim } from "@/components/share/shared-claim";
import { SharedIssueBrief } from "@/components/share/shared-issue-brief";
import { currentPublicOrigin } from "@/lib/api/public-origin";
import { getSharedView, type SharedView } from "@/lib/data/share-links";
import { plural } from "@/lib/format";
import { organizationName } from "@/lib/organization";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

const ROBOTS: Metadata["robots"] = { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } };

function describe(view: SharedView): { title: string; description: string } {
  if (view.kind === "issue") {
    const { brief } = view;
    return {
      title: brief.issue.title,
      description: `${plural(brief.totals.sources, "source")}, ${plural(brief.totals.claims, "claim")}, ${plural(brief.discrepancies.length, "discrepancy", "discrepancies")}. ${brief.issue.description}`.trim(),
    };
  }
  const { claim } = view;
  const by = [claim.speaker, claim.article.outlet].filter(Boolean).join(" in ");
  return { title: by ? `Claim by ${by}` : "Claim", description: claim.text.length > 280 ? `${claim.text.slice(0, 279)}…` : claim.text };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const origin = await currentPublicOrigin();
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
