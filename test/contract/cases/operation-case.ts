// One contract case per operation: a call through the generated client with valid input, returning what
// openapi-fetch gives back plus one field read through the generated types (so a renamed field in the
// spec breaks the type-check of these tests, and a missing one breaks the run).
export interface CaseOutcome {
  data: unknown;
  error: unknown;
  response: Response;
  /** A field of `data` read through the client's types; undefined when there is no data. */
  typedField: unknown;
}

export type OperationCase<Client> = (client: Client, headers: Record<string, string>) => Promise<CaseOutcome>;
