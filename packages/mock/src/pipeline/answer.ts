// What the pipeline answers: a status, headers, and the body already serialised.
import { answerText, type SimResponse } from "@managed-redis/simulator";

export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  /** Undefined for an answer without a body. */
  body?: string | Buffer;
}

/** A request as the edge read it. */
export interface MockRequest {
  method: string;
  /** The path as sent (percent-escapes kept), without the query string. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** The body: parsed JSON for a JSON media type, the text otherwise, undefined when there is none. */
  body: unknown;
}

/** The simulator's answer as the mock sends it: the text the simulator serialised, else the body serialised. */
export function simulatorAnswer(answer: SimResponse): MockAnswer {
  const text = answerText(answer) ?? (answer.body === undefined ? undefined : JSON.stringify(answer.body));
  return text === undefined ? { status: answer.status, headers: answer.headers } : { status: answer.status, headers: answer.headers, body: text };
}
