import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RequestGate } from "./gate";
import type { DatabaseState } from "./health";
import { NextURL } from "next/dist/server/web/next-url";
import { getRelativeURL } from "next/dist/shared/lib/router/utils/relativize-url";
import { gatedRequestListener, nextHostname } from "./http";

const servers: http.Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))));

/** A server whose "app" answers only when told to, behind the gate with `concurrency` and `queueLimit`. */
async function serve(gate: RequestGate, state: DatabaseState = { isUp: true, since: new Date() }) {
  const pending: (() => void)[] = [];
  const handle = (_request: http.IncomingMessage, response: http.ServerResponse) => {
    pending.push(() => response.end("served"));
  };
  const health = { state };
  const server = http.createServer(gatedRequestListener(handle, { gate, health }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, pending, health };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe("the gate in front of the app", () => {
  it("queues requests beyond the limit and answers 503 with Retry-After only when the queue is full", async () => {
    const gate = new RequestGate({ concurrency: 2, queueLimit: 3 });
    const { base, pending } = await serve(gate);
    const admitted = Array.from({ length: 5 }, () => fetch(`${base}/claims`));
    await until(() => gate.stats.waiting === 3);
    expect(pending).toHaveLength(2);

    const refused = await fetch(`${base}/api/claims`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(await refused.json()).toEqual({ error: { code: "overloaded", message: "the server is busy; retry in a few seconds" } });
    const page = await fetch(`${base}/claims`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("Briefing is busy");

    while (pending.length > 0 || gate.stats.waiting > 0) {
      pending.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const answers = await Promise.all(admitted);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it("answers 503 database_unavailable while the database is down, and serves again when it is back", async () => {
    const gate = new RequestGate({ concurrency: 2, queueLimit: 3 });
    const { base, pending, health } = await serve(gate, { isUp: false, since: new Date("2026-12-04T21:30:05Z") });
    const api = await fetch(`${base}/api/claims`);
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: { code: "database_unavailable", message: "the database is not reachable; retrying" } });
    const status = await fetch(`${base}/status`, { headers: { accept: "text/html" } });
    expect(status.status).toBe(503);
    expect(await status.text()).toContain("Briefing is running, but its database is not reachable");
    expect(pending).toHaveLength(0);

    health.state = { isUp: true, since: new Date() };
    const served = fetch(`${base}/claims`);
    await until(() => pending.length === 1);
    pending.shift()!();
    expect((await served).status).toBe(200);
  });

  it("probes the database at once when a response looks like an outage (a 5xx, or a session sent to the login page)", async () => {
    const suspect = vi.fn();
    const health = { state: { isUp: true, since: new Date() }, suspect };
    const server = http.createServer(
      gatedRequestListener(
        (request, response) => {
          if (request.url === "/broken") response.writeHead(500).end();
          else {
            // As Next.js answers a redirect: the header set on the response, then the status.
            response.setHeader("location", "/login?callbackUrl=%2F");
            response.statusCode = 307;
            response.end();
          }
        },
        { gate: new RequestGate({ concurrency: 2, queueLimit: 2 }), health },
      ),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await fetch(`${base}/`, { redirect: "manual" });
    expect(suspect).not.toHaveBeenCalled();
    await fetch(`${base}/`, { redirect: "manual", headers: { cookie: "authjs.session-token=abc" } });
    await until(() => suspect.mock.calls.length === 1);
    await fetch(`${base}/broken`);
    await until(() => suspect.mock.calls.length === 2);
  });
});

describe("the host name Next.js is given", () => {
  it.each([
    ["127.0.0.1", "localhost"],
    ["127.1.2.3", "localhost"],
    ["::1", "localhost"],
    ["[::1]", "localhost"],
    ["localhost", "localhost"],
    ["0.0.0.0", "0.0.0.0"],
    ["192.168.1.20", "192.168.1.20"],
    ["briefing.internal", "briefing.internal"],
  ])("listening on %s, Next.js builds its URLs with %s", (listen, given) => {
    expect(nextHostname(listen)).toBe(given);
  });

  it.each(["127.0.0.1", "::1", "0.0.0.0", "192.168.1.20"])(
    "listening on %s, the proxy's rewrite to a page of this server stays inside it (not proxied over HTTP to itself)",
    (listen) => {
      // What Next.js does with a rewrite from proxy.ts: the URL comes back through NextURL, and is compared
      // with the URL Next.js built for the request from the host name it was given.
      const host = nextHostname(listen)!;
      const ownUrl = `http://${host.includes(":") ? `[${host}]` : host}:3000/s/some-token`;
      const rewrite = String(new NextURL(new URL("/s/link/unavailable", `http://${listen.includes(":") ? `[${listen}]` : listen}:3000/s/some-token`)));
      expect(getRelativeURL(rewrite, ownUrl)).toBe("/s/link/unavailable");
    },
  );
});
