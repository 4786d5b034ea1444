import { describe, expect, it } from "vitest";
import { malformedActionBodyProblem, malformedUrlProblem } from "./malformed-url";

describe("malformedUrlProblem", () => {
  it.each([
    ["/articles/%ff", ""],
    ["/s/%", ""],
    ["/claims/%E0%A4%A", ""],
    ["/articles/%ED%A0%80", ""],
    ["/claims", "?speaker=%ff"],
  ])("names a malformed percent-escape in %s%s", (path, search) => {
    expect(malformedUrlProblem(path, search)).toMatch(/malformed percent-escape/);
  });

  it.each([
    ["/articles/%00", ""],
    ["/api/claims", "?q=a%00b"],
    ["/api/claims", "?q%00=1"],
  ])("names a NUL in %s%s", (path, search) => {
    expect(malformedUrlProblem(path, search)).toMatch(/NUL character/);
  });

  it("lets ordinary addresses through", () => {
    expect(malformedUrlProblem("/articles/abc-123", "?q=Zelensky+100%25&after=eyJ9")).toBeNull();
    expect(malformedUrlProblem("/issues/s%C3%A9curit%C3%A9", "")).toBeNull();
  });
});

describe("malformedActionBodyProblem", () => {
  const post = (type: string, body: string, action = true) =>
    new Request("http://127.0.0.1/articles/new", { method: "POST", headers: { "content-type": type, ...(action ? { "next-action": "abc" } : {}) }, body });
  const whole = '--b1\r\nContent-Disposition: form-data; name="body"\r\n\r\ntext\r\n--b1--\r\n';

  it("refuses an action's multipart body without a boundary or cut short", async () => {
    expect(await malformedActionBodyProblem(post("multipart/form-data", whole))).toMatch(/without a boundary/);
    expect(await malformedActionBodyProblem(post("multipart/form-data; boundary=b1", whole.slice(0, 30)))).toMatch(/cut short/);
  });

  it("passes a whole body, a quoted boundary, and anything that is not an action's multipart post", async () => {
    expect(await malformedActionBodyProblem(post("multipart/form-data; boundary=b1", whole))).toBeNull();
    expect(await malformedActionBodyProblem(post('multipart/form-data; boundary="b1"', whole))).toBeNull();
    expect(await malformedActionBodyProblem(post("multipart/form-data", whole, false))).toBeNull();
    expect(await malformedActionBodyProblem(post("text/plain;charset=UTF-8", "[]"))).toBeNull();
  });
});
