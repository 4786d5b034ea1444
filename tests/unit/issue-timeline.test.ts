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
    const bars = /<path d="([^"]*)"[^>]*data-bars="dated"/.exec(html)?.[1] ?? "";
    expect(bars.match(/M/g)).toHaveLength(400);
    expect(html).not.toContain('data-bars="ingested"');
  });

  it("draws a day's claims from undated articles apart, hatched, on top of its dated ones", () => {
    const timeline = timelineOf(3);
    timeline.days[1] = { ...timeline.days[1]!, claims: 4, ingested: 3 } as (typeof timeline.days)[number];
    timeline.days[2] = { ...timeline.days[2]!, claims: 2, ingested: 2 } as (typeof timeline.days)[number];
    const html = renderToStaticMarkup(createElement(IssueTimeline, { id: "t", issueTitle: "Ports", timeline }));
    const pathOf = (kind: string) => new RegExp(`<path d="([^"]*)"[^>]*data-bars="${kind}"`).exec(html)?.[1] ?? "";
    // Days one and two have dated claims; days two and three have claims placed by their ingest.
    expect(pathOf("dated").match(/M/g)).toHaveLength(2);
    expect(pathOf("ingested").match(/M/g)).toHaveLength(2);
    expect(html).toContain('fill="url(#t-ingested)"');
  });

  it("labels the chart's axis short enough for its margin", () => {
    const timeline = timelineOf(2);
    timeline.days[0] = { ...timeline.days[0]!, claims: 683_252 };
    const html = renderToStaticMarkup(createElement(IssueTimeline, { id: "t", issueTitle: "Ports", timeline }));
    expect(html).toContain(">683k</text>");
  });
});
