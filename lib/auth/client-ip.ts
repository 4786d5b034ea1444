/**
 * The header the Briefing server (scripts/server.ts) sets on every request from the socket's address,
 * after removing any value a client sent; see `resolveClientIp`.
 */
export const CLIENT_IP_HEADER = "x-briefing-client-ip";

function normalize(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address: the socket's peer, unless that peer is one of `trustedProxies` (comma-separated
 * addresses from TRUSTED_PROXIES), in which case the right-most address of X-Forwarded-For that is not a
 * trusted proxy. A client cannot choose its own address by sending headers.
 */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | undefined, trustedProxies: string | undefined): string {
  const peer = normalize(socketAddress ?? "unknown");
  const trusted = new Set((trustedProxies ?? "").split(",").map(normalize).filter(Boolean));
  if (!trusted.has(peer) || !forwardedFor) return peer;
  const hops = forwardedFor.split(",").map(normalize).filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index];
    if (hop && !trusted.has(hop)) return hop;
  }
  return peer;
}
