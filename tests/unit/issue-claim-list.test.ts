import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IssueClaimList } from "@/components/positions/issue-claim-list";
import type { IssueClaimPage } from "@/lib/data/positions";

function pageOf(page: number, total: number, isTotalCapped: boolean): IssueClaimPage {
  const items = Array.from({ length: 10 }, (_, index) => ({
    id: `claim-${page}-${index}`,
    articleId: `article-${index}`,
    kind: "quote" as const,
    text: `Claim ${index} of page ${page}`,
    status: "unreviewed" as const,
    speaker: null,
    source: { key: "outlet-a", name: "Outlet A" },
    publishedAt: new Date(Date.UTC(2026, 0, 1)),
  }));
  return { items, total, isTotalCapped, page, pageSize: 10 };
}

const render = (page: IssueClaimPage) =>
  renderToStaticMarkup(
    createElement(IssueClaimList, { issueSlug: "ports", page, list: { status: undefined, page: page.page, pairs: false, figures: false }, params: {} }),
  );

describe("IssueClaimList", () => {
  it("says how many claims and which page, when the count is exact", () => {
    const html = render(pageOf(2, 35, false));
    expect(html).toContain("11–20 of 35 claims, newest articles first.");
    expect(html).toContain("Page 2 of 4");
  });

  it("says there are more than the cap, and how far the list pages, when the count stopped at it", () => {
    const html = render(pageOf(3, 1000, true));
    expect(html).toContain("21–30 of more than 1,000 claims, newest articles first.");
    expect(html).toContain("Page 3 of the first 100; narrow the list to reach the rest");
    expect(html).toContain("page=4");
    expect(render(pageOf(100, 1000, true))).not.toContain('rel="next"');
  });
});
