// The one matcher of request paths against a spec's path templates, for every package that routes
// (mock, simulator, MSW mount, the clients' error messages, tests). In the style of Prism's
// router/matchPath.ts, with its ordering decided once, here:
//   - a path splits on "/" into segments, each percent-decoded once; a malformed escape is reported,
//     not guessed at;
//   - a literal segment beats a parameter: templates are ranked segment by segment from the left, so
//     `/v1/clusters/{id}` loses to `/v1/clusters/versions` for that path whatever the spec's order;
//   - a parameter is a whole segment (the generator refuses other templates) and matches one non-empty
//     segment (`/v1/clusters/` is not `getCluster` with an empty id); a trailing slash makes another path;
//   - among the templates that match the path, the most specific one with the request's method wins (as
//     in Prism); a path that matches only under other methods is "method not allowed", not "not found".
// It is bundled into every client (to name the operation of a failed request), so it stays small.

/**
 * Routes keyed `"METHOD /path/template"` as the spec writes them (`"GET /v1/clusters/{cluster-id}"`), the
 * form of the clients' generated `operationIds`.
 */
export type RouteTemplates<T> = Readonly<Record<string, T>>;

export type PathMatch<T> =
  | { kind: "found"; value: T; params: Record<string, string> }
  | { kind: "method-not-allowed" }
  | { kind: "not-found" }
  | { kind: "malformed" };

export interface PathMatcher<T> {
  match(method: string, path: string): PathMatch<T>;
}

const isParameter = (segment: string) => segment.startsWith("{");

export function createPathMatcher<T>(routes: RouteTemplates<T>): PathMatcher<T> {
  const compiled = Object.entries(routes)
    .map(([route, value]) => {
      const [method = "", path = ""] = route.split(" ");
      return { method: method.toUpperCase(), segments: path.split("/").slice(1), value };
    })
    .sort((a, b) => {
      for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
        const rank = Number(isParameter(a.segments[i]!)) - Number(isParameter(b.segments[i]!));
        if (rank) return rank;
      }
      return 0;
    });

  return {
    match(method, path) {
      if (!path.startsWith("/")) return { kind: "not-found" };
      let parts: string[];
      try {
        parts = path.split("/").slice(1).map(decodeURIComponent);
      } catch {
        return { kind: "malformed" };
      }
      const upper = method.toUpperCase();
      let otherMethod = false;
      for (const route of compiled) {
        if (route.segments.length !== parts.length) continue;
        const params: Record<string, string> = {};
        const matches = route.segments.every((segment, i) =>
          isParameter(segment) ? parts[i] !== "" && ((params[segment.slice(1, -1)] = parts[i]!), true) : segment === parts[i],
        );
        if (!matches) continue;
        if (route.method === upper) return { kind: "found", value: route.value, params };
        otherMethod = true;
      }
      return { kind: otherMethod ? "method-not-allowed" : "not-found" };
    },
  };
}
