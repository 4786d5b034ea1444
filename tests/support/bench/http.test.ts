import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureRoutes, percentile } from "./http";

let server: http.Server;
let base = "";
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push(`${request.url} ${request.headers.cookie ?? "-"}`);
    response.writeHead(request.url === "/broken" ? 500 : 200).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const sorted = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 100)).toBe(20);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe("measureRoutes", () => {
  it("warms every route up, then takes the samples in turns, every route in each turn", async () => {
    requests.length = 0;
    const { latencies, errors } = await measureRoutes(
      [
        { name: "a", url: `${base}/a`, cookie: "session=1" },
        { name: "b", url: `${base}/b`, cookie: "" },
      ],
      { samples: 7, concurrency: 2, warmup: 3, rounds: 2 },
    );
    const paths = requests.map((line) => line.split(" ")[0]);
    expect(paths).toEqual(["/a", "/a", "/a", "/b", "/b", "/b", "/a", "/a", "/a", "/a", "/b", "/b", "/b", "/b", "/a", "/a", "/a", "/b", "/b", "/b"]);
    expect(requests.filter((line) => line.startsWith("/a")).every((line) => line.endsWith("session=1"))).toBe(true);
    expect(requests.filter((line) => line.startsWith("/b")).every((line) => line.endsWith(" -"))).toBe(true);
    for (const name of ["a", "b"]) {
      const each = latencies.get(name)!;
      expect(each).toHaveLength(7);
      expect(each).toEqual([...each].sort((x, y) => x - y));
      expect(each.every((value) => value > 0)).toBe(true);
      expect(errors.get(name)).toBe(0);
    }
  });

  it("counts the answers other than 200 as errors of their route and keeps them out of its latencies", async () => {
    const { latencies, errors } = await measureRoutes([{ name: "broken", url: `${base}/broken`, cookie: "" }], { samples: 2, warmup: 0, rounds: 1 });
    expect(errors.get("broken")).toBe(2);
    expect(latencies.get("broken")).toEqual([]);
  });
});
