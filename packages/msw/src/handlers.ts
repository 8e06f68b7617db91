// The simulator as MSW request handlers: one handler per operation of the spec (from the simulator's
// routes, which come from the spec) plus one for the control routes, all answered by the same
// `simulator.handle()` that the stateful mock serves. No behaviour lives here. The simulator checks its
// own answers against the spec here (as the stateful mock does), so a handler cannot drift from it.
import { createFetchHandler, createSimulator, CONTROL_PREFIX, type ApiName, type Simulator, type SimulatorOptions } from "@managed-redis/simulator";
import { http, type HttpHandler } from "msw";
import { defaultBaseUrls } from "./base-urls.js";

export interface SimulatorHandlersOptions extends Omit<SimulatorOptions, "api" | "validateAnswers"> {
  api: ApiName;
  /**
   * Check every answer against the spec; one that breaks it becomes a 500 problem naming the field.
   * Default true: MSW handlers are a development tool, and an answer the spec forbids is a bug to see.
   */
  validateAnswers?: boolean;
  /**
   * The URL the app's client calls, without a trailing slash. Default: the spec's server URL
   * (`defaultBaseUrls`), which is also the typed clients' default.
   */
  baseUrl?: string;
}

export interface SimulatorHandlers {
  /** Pass to `setupWorker(...handlers)` / `setupServer(...handlers)`, or to Storybook's msw addon. */
  handlers: HttpHandler[];
  /** The simulator behind them: `simulator.control.advance(ms)`, `reset()`, `setFaults()`, `dump()`. */
  simulator: Simulator;
  baseUrl: string;
}

export function createSimulatorHandlers(options: SimulatorHandlersOptions): SimulatorHandlers {
  const { baseUrl: givenBaseUrl, validateAnswers = true, ...simulatorOptions } = options;
  const simulator = createSimulator({ ...simulatorOptions, validateAnswers });
  const baseUrl = (givenBaseUrl ?? defaultBaseUrls[options.api]).replace(/\/+$/, "");
  const answer = createFetchHandler(simulator);
  const resolver = ({ request }: { request: Request }) => answer(request);

  const handlers = simulator.routes.map((route) => {
    const method = route.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
    return http[method](`${baseUrl}${mswPath(route.path)}`, resolver);
  });
  handlers.push(http.all(`${baseUrl}${CONTROL_PREFIX}/*`, resolver));
  return { handlers, simulator, baseUrl };
}

/**
 * `/v1/clusters/{cluster-id}` → `/v1/clusters/:p0`. MSW's path parameters are word characters only, and
 * the spec's names have hyphens; the simulator matches the path itself, so the names do not matter.
 */
export function mswPath(template: string): string {
  let index = 0;
  return template.replace(/\{[^}]+\}/g, () => `:p${index++}`);
}
