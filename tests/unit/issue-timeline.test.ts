import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IssueTimeline } from "@/components/briefs/issue-timeline";

function timelineOf(dayCount: number) {
  const days = Array.from({ length: dayCount }, (_, index) => ({
    day: new Date(Date.UTC(2026, 0, 1 + index)).toISOString().slice(0, 10),
    claims: 2,
    articles: 1,
    sources: 1,
  }));
  return { days, claims: [], undated: { claims: 0, articleCount: 0, articles: [] } };
}

describe("IssueTimeline", () => {
  it("lists every day of a short timeline", () => {
    const html = renderToStaticMarkup(createElement(IssueTimeline, { id: "t", issueTitle: "Ports", timeline: timelineOf(5) }));
    expect(html.match(/<time /g)).toHaveLength(5);
    expect(html).not.toContain("earlier day");
  });

  it("lists the latest 31 days of a long one and sums up the earlier days, which the chart still draws", () => {
    const html = renderToStaticMarkup(createElement(IssueTimeline, { id: "t", issueTitle: "Ports", timeline: timelineOf(400) }));
    expect(html.match(/<time /g)).toHaveLength(31);
    expect(html).toContain('dateTime="2027-02-04"');
    expect(html).not.toContain('dateTime="2027-01-04"');
    expect(html).toContain("before them, 738 claims on 369 earlier days, from 1 Jan 2026");
    expect(html.match(/<rect /g)?.length).toBeGreaterThanOrEqual(400);
  });
});
