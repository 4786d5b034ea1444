import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoteMarkdown, safeUrl } from "@/components/notes/note-markdown";

const render = (body: string) => renderToStaticMarkup(createElement(NoteMarkdown, { body }));

describe("note Markdown", () => {
  it("shows raw HTML as text and never emits script, img or event handlers", () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<a href="javascript:alert(3)">x</a>');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script|<img|<a /);
    expect(html).not.toMatch(/<[^>]*\son\w+=/);
  });

  it("keeps http(s) and mailto links and turns every other scheme into plain text", () => {
    const html = render(
      "[ok](https://example.org/a) [mail](mailto:desk@example.org) [js](javascript:alert(1)) [JS](JAVASCRIPT:alert(1)) [data](data:text/html,x) [rel](/admin) [ref][r]\n\n[r]: javascript:alert(1)",
    );
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(["https://example.org/a", "mailto:desk@example.org"]);
    expect(html).toContain("<span>js</span>");
    expect(html).toContain("<span>ref</span>");
  });

  it("shows images as their alt text, loading nothing", () => {
    const html = render("![a chart](https://example.org/chart.png)");
    expect(html).not.toMatch(/<img|<link/);
    expect(html).toContain("a chart");
  });

  it("allows only http, https and mailto URLs", () => {
    expect(safeUrl(" https://x.org ")).toBe("https://x.org");
    expect(safeUrl("vbscript:msgbox")).toBe("");
    expect(safeUrl("//evil.example")).toBe("");
  });
});
