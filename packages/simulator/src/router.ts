// Maps "METHOD /path" to an operation of the spec, with the path parameters. The templates come from
// the generated route table, so the operationIds are those of the specs.
import type { GeneratedRoute } from "./generated-types.ts";

export interface RouteMatch {
  route: GeneratedRoute;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: GeneratedRoute;
  segments: { literal?: string; param?: string }[];
}

export interface Router {
  match(method: string, path: string): RouteMatch | undefined;
  /** True when some operation has this path, whatever its method. */
  hasPath(path: string): boolean;
}

function splitPath(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "");
}

export function createRouter(routes: readonly GeneratedRoute[]): Router {
  const compiled: CompiledRoute[] = routes.map((route) => ({
    route,
    segments: splitPath(route.path).map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? { param: param[1] } : { literal: segment };
    }),
  }));
  const matchPath = (candidate: CompiledRoute, parts: string[]): Record<string, string> | undefined => {
    if (candidate.segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i += 1) {
      const segment = candidate.segments[i]!;
      const part = parts[i]!;
      if (segment.param !== undefined) {
        try {
          params[segment.param] = decodeURIComponent(part);
        } catch {
          return undefined;
        }
      } else if (segment.literal !== part) {
        return undefined;
      }
    }
    return params;
  };
  return {
    match(method, path) {
      const parts = splitPath(path);
      const upper = method.toUpperCase();
      // Literal segments win over parameters, whatever the order of the spec's paths.
      const candidates = compiled
        .filter((c) => c.route.method === upper)
        .sort((a, b) => b.segments.filter((s) => s.literal).length - a.segments.filter((s) => s.literal).length);
      for (const candidate of candidates) {
        const params = matchPath(candidate, parts);
        if (params) return { route: candidate.route, params };
      }
      return undefined;
    },
    hasPath(path) {
      const parts = splitPath(path);
      return compiled.some((c) => matchPath(c, parts) !== undefined);
    },
  };
}
