// Renders a client's `src/generated/methods.ts` from its bundled spec: one standalone function per operation
// (the operationId camelCased), documented with the operation's summary and description, its deprecation,
// its page on the docs site and the errors it documents, plus the interface of the client's bound methods.
// scripts/generate-client-types.ts writes it beside the types; `check:generated` fails when it is stale.
//
// Only `summary`, `description`, `deprecated` and the responses' `description` reach the text: the
// transcription notes stay in the spec's `x-decision` (and on the docs site's notes page).
import { deref, operationsOf, type JsonObject } from "./bundled-specs.ts";
import { operationPageUrl } from "./docs-site.ts";

/** `list-dbaas-valkey-users` → `listDbaasValkeyUsers`: a method's name (the runtime's `camelCase`). */
export function methodName(operationId: string): string {
  return operationId.replace(/[-_]+([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The error class a client throws for a status: what a user's `catch` branches on. */
export function errorClassOf(status: number): string {
  if (status === 404) return "NotFoundError";
  if (status === 409) return "ConflictError";
  if (status === 429) return "RateLimitError";
  if (status >= 500) return "ServerError";
  return "ApiError";
}

export interface MethodModel {
  name: string;
  operationId: string;
  method: string;
  path: string;
  /** Whether the method's argument is required: a path parameter, a required query parameter or body. */
  argsRequired: boolean;
  docLines: string[];
}

// A TSDoc comment ends at `*/`: a description that contains one must not end it.
const commentSafe = (text: string) => text.replace(/\*\//g, "*\\/");

// The first sentence of a response's description, for its `@throws` line.
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = flat.search(/\.(\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

export function methodModels(api: string, document: JsonObject): MethodModel[] {
  const models: MethodModel[] = [];
  for (const { path, method, pathItem, operation } of operationsOf(document)) {
    if (typeof operation.operationId !== "string") continue;
    const operationId = operation.operationId;
    const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => deref(document, parameter) as JsonObject);
    const requestBody = deref(document, operation.requestBody) as JsonObject | undefined;
    const argsRequired =
      path.includes("{") ||
      requestBody?.required === true ||
      parameters.some((parameter) => parameter.in === "query" && parameter.required === true);

    const lines: string[] = [];
    const summary = typeof operation.summary === "string" ? operation.summary.trim() : "";
    const description = typeof operation.description === "string" ? operation.description.trim() : "";
    if (summary) lines.push(summary, "");
    if (description) lines.push(...description.split("\n").map((line) => line.trimEnd()), "");
    lines.push(`\`${method.toUpperCase()} ${path}\` (operation \`${operationId}\`).`, "");
    if (operation.deprecated === true) lines.push("@deprecated The API marks this operation deprecated.");
    const tag = (operation.tags as string[] | undefined)?.[0] ?? "default";
    lines.push(`@see {@link ${operationPageUrl(api, tag, operationId)} | ${summary || operationId}} on the docs site`);
    const responses = (operation.responses ?? {}) as Record<string, unknown>;
    for (const [code, rawResponse] of Object.entries(responses)) {
      const status = Number(code);
      if (!Number.isInteger(status) || status < 400) continue;
      const response = deref(document, rawResponse) as JsonObject | undefined;
      const text = typeof response?.description === "string" ? firstSentence(response.description) : "";
      lines.push(`@throws {${errorClassOf(status)}} ${status}${text ? `: ${text}` : ""}`);
    }
    lines.push("@throws {RequestError} when no usable answer came: `ConnectionError`, `TimeoutError`, `ResponseDecodeError`, …");
    models.push({ name: methodName(operationId), operationId, method: method.toUpperCase(), path, argsRequired, docLines: lines.map(commentSafe) });
  }
  const names = new Set<string>();
  for (const model of models) {
    if (names.has(model.name)) throw new Error(`${api}: two operations are both named ${model.name} once camelCased`);
    names.add(model.name);
  }
  return models;
}

function comment(lines: string[], indent: string): string[] {
  return [`${indent}/**`, ...lines.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`];
}

const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);

export function renderMethods(api: string, document: JsonObject, header: string): string {
  const models = methodModels(api, document);
  const out: string[] = [
    header,
    "// One function per operation, and the interface of the client's methods (the same functions, bound).",
    "import {",
    "  ApiError,",
    "  callOperation,",
    "  camelCase,",
    "  type MethodOptions,",
    "  type MethodPromise,",
    "  type OperationArgs,",
    "  type OperationData,",
    "  type OperationErrorBody,",
    '} from "@managed-redis/client-runtime";',
    'import type { Client } from "openapi-fetch";',
    'import type { operations, paths } from "./openapi.js";',
    "",
    "/** The client an operation function calls through: the client of this package's factories (or any openapi-fetch client of its `paths`). */",
    "export type OperationClient = Client<paths>;",
    "",
  ];
  for (const model of models) {
    const operation = `operations[${JSON.stringify(model.operationId)}]`;
    const args = `${pascal(model.name)}Args`;
    out.push(
      `/** The argument of \`${model.name}\`: path parameters camelCased, \`query\` and \`body\` as the spec names them. */`,
      `export type ${args} = OperationArgs<${operation}>;`,
      ...comment(model.docLines, ""),
      `export function ${model.name}(client: OperationClient, args${model.argsRequired ? "" : "?"}: ${args}, init?: MethodOptions): MethodPromise<OperationData<${operation}>> {`,
      `  return callOperation(client, ${JSON.stringify(model.method)}, ${JSON.stringify(model.path)}, ${JSON.stringify(model.operationId)}, args, init) as MethodPromise<OperationData<${operation}>>;`,
      "}",
      "",
    );
  }
  out.push(
    "/**",
    " * The methods of a client made by this package's factory: one per operation, each resolving to the success",
    " * body and throwing an ApiError (or its subclass) otherwise; `.withResponse()` also gives the `Response`.",
    " */",
    "export interface ClientMethods {",
  );
  for (const model of models) {
    const operation = `operations[${JSON.stringify(model.operationId)}]`;
    out.push(
      ...comment(model.docLines, "  "),
      `  ${model.name}(args${model.argsRequired ? "" : "?"}: ${pascal(model.name)}Args, init?: MethodOptions): MethodPromise<OperationData<${operation}>>;`,
    );
  }
  out.push(
    "}",
    "",
    "/** Every operation function by method name, for the factory to bind. */",
    "export const operationFunctions = {",
    ...models.map((model) => `  ${model.name},`),
    "} as const;",
    "",
    "/** The body of each method's documented error answers: the `body` of the ApiError it throws. */",
    "export interface OperationErrorBodies {",
    ...models.map((model) => `  ${model.name}: OperationErrorBody<operations[${JSON.stringify(model.operationId)}]>;`),
    "}",
    "",
    "/** The ApiError a method throws, its `body` typed as the spec documents it: `ApiErrorOf<\"getCluster\">`. */",
    "export type ApiErrorOf<Method extends keyof OperationErrorBodies> = ApiError<OperationErrorBodies[Method]>;",
    "",
    "/**",
    " * Whether `error` is the ApiError of a call to `method` (any status); narrows its `body` to the type the",
    " * spec documents for that operation's errors.",
    " */",
    "export function isApiErrorOf<Method extends keyof OperationErrorBodies>(error: unknown, method: Method): error is ApiErrorOf<Method> {",
    '  return error instanceof ApiError && camelCase(error.operationId ?? "") === method;',
    "}",
    "",
  );
  return out.join("\n");
}

/** The README's table of methods lives between these markers; `npm run generate` rewrites it, `--check` compares it. */
export const METHOD_TABLE_START = "<!-- generated: methods table (npm run generate) -->";
export const METHOD_TABLE_END = "<!-- end of generated methods table -->";

/** A Markdown table of the methods: the call with its argument's shape, the HTTP request, the summary linked to the docs site. */
export function renderMethodTable(api: string, document: JsonObject): string {
  const rows = operationsOf(document)
    .filter(({ operation }) => typeof operation.operationId === "string")
    .map(({ path, method, pathItem, operation }) => {
      const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => deref(document, parameter) as JsonObject);
      const parts = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => methodName(match[1]!));
      if (parameters.some((parameter) => parameter.in === "query")) parts.push("query");
      if (operation.requestBody) parts.push("body");
      const call = `${methodName(operation.operationId as string)}(${parts.length > 0 ? `{ ${parts.join(", ")} }` : ""})`;
      const summary = typeof operation.summary === "string" ? operation.summary : (operation.operationId as string);
      const tag = (operation.tags as string[] | undefined)?.[0] ?? "default";
      const deprecated = operation.deprecated === true ? " (deprecated)" : "";
      return `| \`${call}\` | \`${method.toUpperCase()} ${path}\` | [${summary}](${operationPageUrl(api, tag, operation.operationId as string)})${deprecated} |`;
    });
  return [METHOD_TABLE_START, "", "| method | request | summary (docs site) |", "|---|---|---|", ...rows, "", METHOD_TABLE_END].join("\n");
}

/** `readme` with its methods table replaced by `table`; throws when the README lacks the markers. */
export function withMethodTable(readme: string, table: string, file: string): string {
  const start = readme.indexOf(METHOD_TABLE_START);
  const end = readme.indexOf(METHOD_TABLE_END);
  if (start === -1 || end < start) throw new Error(`${file} has no methods table markers (${METHOD_TABLE_START} … ${METHOD_TABLE_END})`);
  return readme.slice(0, start) + table + readme.slice(end + METHOD_TABLE_END.length);
}
