// Local-first: a mock runs on a developer's machine, often beside a browser that visits any web page.
//   Origin  a browser request from a page is answered (and its answer readable) only when the page is on
//           this machine (http(s)://localhost, *.localhost, 127.x.x.x, [::1], any port) or its origin was
//           given with `corsOrigins` / `--cors-origin`; any other page gets 403 and no CORS headers, so it
//           can neither change state nor read an answer (a revealed password, the simulator's store).
//   Host    a request must name the mock by a loopback name, an IP address, the host it listens on, or a
//           name given with `allowedHosts` / `--allowed-host`: a DNS-rebinding page (evil.example
//           resolving to 127.0.0.1) sends its own name and gets 403.
// Requests without an Origin (curl, tests, SDKs on a server) are not from a page: only Host applies.
import { isIP } from "node:net";
import { FORBIDDEN_ORIGIN, HOST_NOT_ALLOWED, problem } from "../problems.js";

export interface OriginPolicyOptions {
  /** Origins to allow besides loopback ones, e.g. `https://app.example.test:8443`; `*` allows any (without credentials). */
  corsOrigins?: readonly string[];
  /** The host the server listens on: its name is a valid Host too. */
  host: string;
  /** More names a request may address the mock by (another machine's view of it: `devbox.local`). */
  allowedHosts?: readonly string[];
}

export interface OriginPolicy {
  /** Throws a 403 problem when a page's origin may not use the mock. */
  checkOrigin(origin: string | undefined): void;
  /** Throws a 403 problem when the Host header is not a name of the mock. */
  checkHost(host: string | undefined): void;
  /** The CORS headers of an answer to an allowed request. */
  corsHeaders(origin: string | undefined, requestedHeaders: string | undefined): Record<string, string>;
}

/** `http(s)://<host>[:port]` as an origin (what `new URL(x).origin` gives), or an error naming the mistake. */
export function normaliseOrigin(text: string): string {
  if (text === "*") return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`"${text}" is not an origin; write it as scheme://host[:port], e.g. http://devbox.local:5173`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== text.replace(/\/$/, "")) {
    throw new RangeError(`"${text}" is not an origin; write it as scheme://host[:port] with http or https and no path, e.g. http://devbox.local:5173`);
  }
  return url.origin;
}

export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost") || name === "[::1]" || name === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

export function createOriginPolicy(options: OriginPolicyOptions): OriginPolicy {
  const extra = new Set((options.corsOrigins ?? []).map(normaliseOrigin));
  const anyOrigin = extra.has("*");
  const hostNames = new Set([options.host, ...(options.allowedHosts ?? [])].map((name) => name.toLowerCase().replace(/^\[(.*)\]$/, "$1")));

  const isLoopbackOrigin = (origin: string): boolean => {
    try {
      const url = new URL(origin);
      return (url.protocol === "http:" || url.protocol === "https:") && isLoopbackName(url.hostname);
    } catch {
      return false; // "null" (sandboxed frames, file:) and anything else that is not an origin
    }
  };
  const allowed = (origin: string) => isLoopbackOrigin(origin) || extra.has(origin);

  return {
    checkOrigin(origin) {
      if (origin === undefined || anyOrigin || allowed(origin)) return;
      throw problem(
        FORBIDDEN_ORIGIN,
        `the mock accepts browser requests only from pages on this machine (http(s)://localhost, 127.0.0.1, [::1], any port) and from origins given with --cors-origin, not from ${origin.slice(0, 200)}`,
      );
    },
    checkHost(header) {
      if (header === undefined) return;
      let hostname: string;
      try {
        hostname = new URL(`http://${header}`).hostname;
      } catch {
        throw problem(HOST_NOT_ALLOWED, `the Host header ${JSON.stringify(header.slice(0, 200))} is not a host name`);
      }
      const bare = hostname.replace(/^\[(.*)\]$/, "$1");
      if (isLoopbackName(hostname) || isIP(bare) !== 0 || hostNames.has(bare.toLowerCase())) return;
      throw problem(
        HOST_NOT_ALLOWED,
        `the mock answers requests addressed to localhost, an IP address or the host it listens on, not to ${hostname} (a page on another site can make its own name point here: DNS rebinding); start it with --allowed-host ${hostname} to allow that name`,
      );
    },
    corsHeaders(origin, requestedHeaders) {
      const headers: Record<string, string> = { "access-control-allow-headers": requestedHeaders ?? "*", "access-control-expose-headers": "*" };
      if (origin === undefined) return { ...headers, "access-control-allow-origin": "*" };
      // An origin allowed only by `*` gets no credentials: a page elsewhere cannot ride the developer's cookies.
      const credentials = isLoopbackOrigin(origin) || extra.has(origin);
      return { ...headers, "access-control-allow-origin": origin, vary: "origin", ...(credentials ? { "access-control-allow-credentials": "true" } : {}) };
    },
  };
}
