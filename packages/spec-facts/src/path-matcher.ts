// The one matcher of request paths against a spec's path templates, for every package that routes
// (mock, simulator, MSW mount, the clients' error messages, tests). In the style of Prism's
// router/matchPath.ts, with its ordering decided once, here:
//   - a path splits on "/" into segments, each percent-decoded once; a malformed escape is reported,
//     not guessed at;
//   - a literal segment beats a parameter: candidates are ranked segment by segment from the left, so
//     `/v1/clusters/{id}` loses to `/v1/clusters/versions` for that path whatever the spec's order;
//   - a parameter matches one whole, non-empty segment (`/v1/clusters/` is not `getCluster` with an
//     empty id), and a trailing slash makes another path;
//   - among the templates that match the path, the most specific one with the request's method wins (as
//     in Prism); a path that matches only under other methods is "method not allowed", not "not found".

export interface RouteTemplate<T> {
  /** The HTTP method, any case. */
  method: string;
  /** The spec's path template, e.g. `/v1/clusters/{cluster-id}`. */
  path: string;
  value: T;
}

export type PathMatch<T> =
  | { kind: "found"; value: T; template: string; params: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" }
  | { kind: "malformed"; segment: string };

export interface PathMatcher<T> {
  match(method: string, path: string): PathMatch<T>;
}

interface Segment {
  literal?: string;
  /** A parameter segment: the names of its parameters and a pattern that captures them. */
  params?: string[];
  pattern?: RegExp;
}

interface CompiledRoute<T> {
  method: string;
  template: string;
  segments: Segment[];
  value: T;
}

function compileSegment(text: string): Segment {
  if (!text.includes("{")) return { literal: text };
  const params: string[] = [];
  const source = text.replace(/\{([^}]+)\}|([^{]+)/g, (_, name: string | undefined, literal: string | undefined) => {
    if (name === undefined) return literal!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    params.push(name);
    return "(.+?)";
  });
  return { params, pattern: new RegExp(`^${source}$`) };
}

/** Literal before parameter at the leftmost segment where two templates differ. */
function bySpecificity<T>(a: CompiledRoute<T>, b: CompiledRoute<T>): number {
  const length = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const rank = Number(a.segments[i]!.literal === undefined) - Number(b.segments[i]!.literal === undefined);
    if (rank !== 0) return rank;
  }
  return 0;
}

function splitTemplate(path: string): string[] {
  return path.split("/").slice(1);
}

function decodeSegments(path: string): string[] | { malformed: string } {
  const raw = path.split("/").slice(1);
  const decoded: string[] = [];
  for (const segment of raw) {
    if (!segment.includes("%")) {
      decoded.push(segment);
      continue;
    }
    try {
      decoded.push(decodeURIComponent(segment));
    } catch {
      return { malformed: segment };
    }
  }
  return decoded;
}

function matchSegments<T>(route: CompiledRoute<T>, parts: readonly string[]): Record<string, string> | undefined {
  if (route.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = route.segments[i]!;
    const part = parts[i]!;
    if (segment.literal !== undefined) {
      if (segment.literal !== part) return undefined;
      continue;
    }
    const captured = part === "" ? null : segment.pattern!.exec(part);
    if (!captured) return undefined;
    segment.params!.forEach((name, index) => (params[name] = captured[index + 1]!));
  }
  return params;
}

export function createPathMatcher<T>(routes: readonly RouteTemplate<T>[]): PathMatcher<T> {
  const compiled: CompiledRoute<T>[] = routes
    .map((route) => ({
      method: route.method.toUpperCase(),
      template: route.path,
      segments: splitTemplate(route.path).map(compileSegment),
      value: route.value,
    }))
    .sort(bySpecificity);

  return {
    match(method, path) {
      if (!path.startsWith("/")) return { kind: "not-found" };
      const parts = decodeSegments(path);
      if (!Array.isArray(parts)) return { kind: "malformed", segment: parts.malformed };
      const upper = method.toUpperCase();
      const allowed: string[] = [];
      for (const route of compiled) {
        const params = matchSegments(route, parts);
        if (!params) continue;
        if (route.method === upper) return { kind: "found", value: route.value, template: route.template, params };
        if (!allowed.includes(route.method)) allowed.push(route.method);
      }
      return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
    },
  };
}
