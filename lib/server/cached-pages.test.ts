import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cacheablePage, signPageKey, verifyPageKey } from "@/lib/server/cached-pages";

const SECRET = "a-secret-of-at-least-thirty-two-characters";

describe("the page cache's signed keys", () => {
  it("name the reader they were signed for, with this server's secret only", () => {
    const key = signPageKey(SECRET, "cmuser1", "stamp_1");
    expect(verifyPageKey(SECRET, key)).toBe("cmuser1");
    expect(verifyPageKey("another-secret-of-at-least-thirty-two-chars", key)).toBeNull();
    expect(verifyPageKey(undefined, key)).toBeNull();
  });

  it("refuse a key whose reader or stamp was changed, or that is malformed", () => {
    const key = signPageKey(SECRET, "cmuser1", "stamp_1");
    const [, stamp, signature] = key.split(".");
    expect(verifyPageKey(SECRET, `cmuser2.${stamp}.${signature}`)).toBeNull();
    expect(verifyPageKey(SECRET, `cmuser1.stamp_2.${signature}`)).toBeNull();
    expect(verifyPageKey(SECRET, `cmuser1.${stamp}.${signature!.slice(0, -1)}`)).toBeNull();
    for (const bad of ["", "cmuser1", "a.b", "a.b.c.d", `cmuser1.${stamp}.${signature}%00`, "../x.y.z"]) expect(verifyPageKey(SECRET, bad)).toBeNull();
  });
});

const at = (path: string) => new URL(path, "http://localhost");

describe("which requests the page cache serves", () => {
  it("the dashboard, an issue's page and the review queue without filters, and the server actions posted from them", () => {
    expect(cacheablePage("GET", at("/"))).toEqual({ path: "", issueSlug: null });
    expect(cacheablePage("GET", at("/claims"))).toEqual({ path: "/claims", issueSlug: null });
    expect(cacheablePage("POST", at("/claims"), new Headers({ "Next-Action": "7f7b45" }))).toEqual({ path: "/claims", issueSlug: null });
    expect(cacheablePage("GET", at("/issues/donbas"))).toEqual({ path: "/issues/donbas", issueSlug: "donbas" });
    expect(cacheablePage("HEAD", at("/"))).toEqual({ path: "", issueSlug: null });
    expect(cacheablePage("POST", at("/issues/donbas"), new Headers({ "Next-Action": "7f7b45" }))).toEqual({ path: "/issues/donbas", issueSlug: "donbas" });
    // The router's cache-busting parameter on a client navigation is not a filter.
    expect(cacheablePage("GET", at("/issues/donbas?_rsc=1x2y3"))).toEqual({ path: "/issues/donbas", issueSlug: "donbas" });
  });

  it("not a filtered view, a plain POST, a prefetch, a claim's page, or a page beside the issue's", () => {
    expect(cacheablePage("GET", at("/?issue=donbas"))).toBeNull();
    expect(cacheablePage("GET", at("/claims?status=unreviewed"))).toBeNull();
    expect(cacheablePage("GET", at("/claims?cursor=abc"))).toBeNull();
    expect(cacheablePage("GET", at("/claims/cmclaim1"))).toBeNull();
    expect(cacheablePage("POST", at("/"))).toBeNull();
    expect(cacheablePage("PUT", at("/"), new Headers({ "Next-Action": "7f7b45" }))).toBeNull();
    expect(cacheablePage("GET", at("/"), new Headers({ "Next-Router-Prefetch": "1" }))).toBeNull();
    expect(cacheablePage("GET", at("/?denied=1"))).toBeNull();
    expect(cacheablePage("POST", at("/issues/donbas"))).toBeNull();
    expect(cacheablePage("GET", at("/issues/new"))).toBeNull();
    expect(cacheablePage("GET", at("/issues/donbas/edit"))).toBeNull();
    expect(cacheablePage("GET", at("/issues"))).toBeNull();
    expect(cacheablePage("GET", at("/articles"))).toBeNull();
    expect(cacheablePage("GET", at("/issues/Donbas%20x"))).toBeNull();
  });

  it("never an address the app has a page of its own for beside /issues/[slug] (a new one must join ISSUE_SIBLINGS)", () => {
    // Every static folder right under an `issues` folder of the app's pages, through route groups: /issues/new …
    const statics: string[] = [];
    const walk = (dir: string, underIssues: boolean) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name === "api" || entry.name.startsWith("[")) continue;
        const group = entry.name.startsWith("(");
        if (underIssues && !group) statics.push(entry.name);
        else walk(path.join(dir, entry.name), group ? underIssues : entry.name === "issues");
      }
    };
    walk(path.resolve(import.meta.dirname, "../../app"), false);
    expect(statics).toContain("new");
    for (const name of statics) expect(cacheablePage("GET", at(`/issues/${name}`)), name).toBeNull();
  });
});
