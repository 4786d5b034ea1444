import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoteMarkdown, safeUrl } from "@/components/notes/note-markdown";

const render = (body: string, mentionables?: { handle: string; name: string }[]) => renderToStaticMarkup(createElement(NoteMarkdown, { body, mentionables }));

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

  it("marks the mentions of teammates, and nothing that only looks like one", () => {
    const team = [
      { handle: "ana.field", name: "Ana Field" },
      { handle: "bo", name: "Bo Brand" },
    ];
    const html = render("Ask @ana.field and @Bo, not @nobody or desk@bo.example; **@bo** counts, `@bo` and [@bo](https://example.org) do not.", team);
    expect(html).toContain(
      'Ask <span class="mention" title="Ana Field">@ana.field</span> and <span class="mention" title="Bo Brand">@Bo</span>, not @nobody or desk@bo.example;',
    );
    expect(html).toContain('<strong><span class="mention" title="Bo Brand">@bo</span></strong> counts');
    expect(html).toContain("<code>@bo</code>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer" target="_blank">@bo</a>');
    expect(html.match(/class="mention"/g)).toHaveLength(3);
    expect(render("Ask @bo", [])).toBe(render("Ask @bo"));
    expect(render("<b>@bo</b>", team)).toContain("&lt;b&gt;");
  });
});
