import { describe, expect, it } from "vitest";
import { markdownToPlainText } from "@/lib/text/markdown-plain";

describe("markdownToPlainText", () => {
  it("keeps the words and drops the marks", () => {
    expect(markdownToPlainText("**Check** the _second_ figure in [the wire copy](https://example.test/x) with @mara")).toBe(
      "Check the second figure in the wire copy with @mara",
    );
  });

  it("puts blocks on one line and keeps code text", () => {
    expect(markdownToPlainText("# Heading\n\n- first point\n- second `95%`\n\n> quoted line\n\n```\nraw block\n```")).toBe(
      "Heading first point second 95% quoted line raw block",
    );
  });

  it("drops raw HTML and keeps image descriptions", () => {
    expect(markdownToPlainText('Before <b onclick="x()">tag</b> after ![a chart of tolls](chart.png)')).toBe("Before tag after a chart of tolls");
  });

  it("leaves plain text alone", () => {
    expect(markdownToPlainText("Nothing special here.")).toBe("Nothing special here.");
  });
});
