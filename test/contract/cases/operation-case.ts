// One contract case per operation: a call of the client's generated method with valid input, settled into
// what the test judges, plus one field read through the generated types (so a renamed field in the spec
// breaks the type-check of these tests, and a missing one breaks the run).
import { ApiError, type MethodPromise } from "@managed-redis/client-runtime";

export interface CaseOutcome {
  /** The HTTP status of the answer. */
  status: number;
  /** The success body the method resolved to; undefined when it threw. */
  data: unknown;
  /** The body of the ApiError the method threw; undefined when it resolved. */
  error: unknown;
  /** The ApiError the method threw, if it did. */
  thrown: ApiError | undefined;
  /** A field of `data` read through the client's types; undefined when there is no data. */
  typedField: unknown;
}

export type OperationCase<Client> = (client: Client, headers: Record<string, string>) => Promise<CaseOutcome>;

/** Awaits a method (with `.withResponse()`), turning an ApiError into an outcome; anything else is thrown. */
export async function settle<Data>(call: MethodPromise<Data>, field: (data: Data) => unknown): Promise<CaseOutcome> {
  try {
    const { data, response } = await call.withResponse();
    return { status: response.status, data, error: undefined, thrown: undefined, typedField: field(data) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, data: undefined, error: error.body, thrown: error, typedField: undefined };
  }
}
