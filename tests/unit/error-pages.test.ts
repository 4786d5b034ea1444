import { createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import AuthError from "@/app/(auth)/error";
import DashboardError from "@/app/(dashboard)/error";
import ShareError from "@/app/(share)/error";
import { ErrorPanel } from "@/components/feedback/error-panel";

type ErrorPage = (props: { error: Error & { digest?: string }; retry: () => void }) => ReactNode;

/** The element whose text is `text`, found by rendering function components as React would. */
function findByText(node: ReactNode, text: string): ReactElement<{ onClick?: () => void; children?: ReactNode }> | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findByText(child, text);
      if (found) return found;
    }
    return undefined;
  }
  if (!isValidElement<{ children?: ReactNode }>(node)) return undefined;
  if (typeof node.type === "function") return findByText((node.type as (props: unknown) => ReactNode)(node.props), text);
  if (node.props.children === text) return node as ReactElement<{ onClick?: () => void; children?: ReactNode }>;
  return findByText(node.props.children, text);
}

const PAGES: [string, ErrorPage][] = [
  ["dashboard", DashboardError],
  ["login", AuthError],
  ["share", ShareError],
];

describe("error pages", () => {
  it.each(PAGES)("the %s error page says what to do, shows the log reference and offers Try again", (_name, Page) => {
    const error = Object.assign(new Error("connection refused"), { digest: "4096817325" });
    const html = renderToStaticMarkup(createElement(Page, { error, retry: () => undefined }));
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    expect(html).toMatch(/Try again in a moment/);
    expect(html).toContain("4096817325");
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
    // The server's message is not shown to the reader.
    expect(html).not.toContain("connection refused");
  });

  it.each(PAGES)("the %s error page's Try again button fetches and renders the page again", (_name, Page) => {
    let retries = 0;
    const button = findByText(Page({ error: new Error("boom"), retry: () => retries++ }), "Try again");
    expect(button?.type).toBe("button");
    button!.props.onClick!();
    expect(retries).toBe(1);
  });

  it("leaves the reference out when the error has none, and links back when given where to", () => {
    const html = renderToStaticMarkup(
      createElement(ErrorPanel, { title: "Failed", advice: "Try again.", retry: () => undefined, home: { href: "/", label: "Back to the dashboard" } }),
    );
    expect(html).not.toContain("Reference");
    expect(html).toContain('href="/"');
    expect(html).toContain("Back to the dashboard");
  });
});
