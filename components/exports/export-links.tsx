import type { BriefFilters } from "@/lib/validations/briefs";

export type ExportLink = { href: string; label: string; title: string };

export type ExportLinksProps = { links: ExportLink[] };

/** Filters the claim exports understand: text search, issue, outlet, speaker, kind, status. */
export type ClaimExportFilters = { q?: string; issue?: string; outlet?: string; speaker?: string; kind?: string; status?: string };

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Links to the claim exports (CSV, ClaimReview JSON-LD) with the given filters; for the review queue. */
export function claimExportLinks(filters: ClaimExportFilters): ExportLink[] {
  const params = { q: filters.q, issue: filters.issue, outlet: filters.outlet, speaker: filters.speaker, kind: filters.kind, status: filters.status };
  return [
    { href: `/api/export/claims.csv${query(params)}`, label: "Claims (CSV)", title: "Every claim matching these filters, as a spreadsheet" },
    {
      href: `/api/export/claimreview.json${query(params)}`,
      label: "ClaimReview (JSON-LD)",
      title: "Reviewed claims (confirmed, disputed, false) as schema.org ClaimReview",
    },
  ];
}

/** Links to an issue's exports: its brief as Markdown and its claims, with the brief's filters. */
export function issueExportLinks(slug: string, filters: BriefFilters): ExportLink[] {
  const outlet = filters.outlet && !filters.outlet.startsWith("article:") ? filters.outlet : undefined;
  return [
    {
      href: `/api/export/issues/${encodeURIComponent(slug)}.md${query({ outlet: filters.outlet, speaker: filters.speaker, kind: filters.kind, from: filters.from, to: filters.to, undated: filters.undated })}`,
      label: "Brief (Markdown)",
      title: "The brief as Markdown, for a newsletter",
    },
    ...claimExportLinks({ issue: slug, outlet, speaker: filters.speaker, kind: filters.kind }),
  ];
}

/** A small row of download links; the filters in force go with them. */
export function ExportLinks({ links }: ExportLinksProps) {
  return (
    <nav aria-label="Export" className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm print:hidden">
      <span className="text-gray-600">Export:</span>
      {links.map((link) => (
        <a key={link.href} href={link.href} title={link.title} download className="text-accent underline">
          {link.label}
        </a>
      ))}
    </nav>
  );
}

export type ClaimExportLinksProps = { filters: ClaimExportFilters };

/** The review queue's export links, with its filters. */
export function ClaimExportLinks({ filters }: ClaimExportLinksProps) {
  return <ExportLinks links={claimExportLinks(filters)} />;
}
