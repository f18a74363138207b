import type { IncomingMessage } from "node:http";

/*
 * Route handlers never see the socket, and X-Forwarded-For is whatever a
 * client sent unless a trusted proxy wrote it. The custom server
 * (scripts/server.ts, through the response gate) knows the socket address:
 * it overwrites this header on every request, so a value a client sends is
 * never seen, and marks the process so that code reads the header only when
 * the server really stamped it (not under a bare `next start`).
 */
export const CLIENT_ADDRESS_HEADER = "x-plan-tracker-client-address";

const stampedKey = Symbol.for("plan-tracker.client-address-stamped");
type GlobalWithFlag = typeof globalThis & { [stampedKey]?: boolean };

export function stampClientAddress(req: IncomingMessage): void {
  (globalThis as GlobalWithFlag)[stampedKey] = true;
  delete req.headers[CLIENT_ADDRESS_HEADER];
  const address = req.socket?.remoteAddress;
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
}

/** The socket address the server stamped on this request, or null when no server stamps it. */
export function stampedClientAddress(headers: Headers): string | null {
  if (!(globalThis as GlobalWithFlag)[stampedKey]) return null;
  return headers.get(CLIENT_ADDRESS_HEADER) || null;
}
