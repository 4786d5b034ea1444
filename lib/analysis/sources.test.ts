import { describe, expect, it } from "vitest";
import { parseSourceKey, sourceOf } from "./sources";

describe("sourceOf", () => {
  it("groups an article under its outlet", () => {
    expect(sourceOf({ id: "a1", title: "T", head: "Text", outlet: { id: "o1", slug: "daily-post", name: "Daily Post" } })).toEqual({
      key: "daily-post",
      kind: "outlet",
      name: "Daily Post",
      outletId: "o1",
      articleId: null,
    });
  });

  it("makes an article of unknown outlet its own source, labelled by title or first words", () => {
    expect(sourceOf({ id: "a2", title: "Talks resume", head: "x", outlet: null })).toMatchObject({
      key: "article:a2",
      kind: "article",
      name: "Talks resume",
      articleId: "a2",
    });
    expect(sourceOf({ id: "a3", title: null, head: "  President Donald Trump continued his aggressive attempts to broker", outlet: null }).name).toBe(
      "President Donald Trump continued his aggressive attempts to…",
    );
  });

  it("reads keys back", () => {
    expect(parseSourceKey("daily-post")).toEqual({ outletSlug: "daily-post" });
    expect(parseSourceKey("article:a2")).toEqual({ articleId: "a2" });
  });
});
