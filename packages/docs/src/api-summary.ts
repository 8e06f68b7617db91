// What the landing page says about one API, read from its bundled spec: nothing here is typed by hand
// except the npm and mock facts in api-distribution.ts.
import type { ApiName } from "@managed-redis/tooling/apis";
import { loadBundle, operationsOf } from "@managed-redis/tooling/bundled-specs";

export interface OpenApiDocument {
  info: { title: string; version: string; summary?: string; description?: string };
  servers?: { url: string; description?: string; variables?: Record<string, ServerVariableObject> }[];
  paths?: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
  components?: { securitySchemes?: Record<string, SecuritySchemeObject> };
}
interface ServerVariableObject {
  default: string;
  enum?: string[];
  description?: string;
}
interface SecuritySchemeObject {
  type: string;
  in?: string;
  name?: string;
  scheme?: string;
  bearerFormat?: string;
  description?: string;
}

export interface ServerSummary {
  url: string;
  description: string | undefined;
  variables: { name: string; default: string; values: string[]; description: string | undefined }[];
}

export interface OperationSummary {
  method: string;
  path: string;
  operationId: string | undefined;
  summary: string | undefined;
}

export interface ApiSummary {
  api: ApiName;
  title: string;
  version: string;
  /** The first sentence of info.summary or info.description (Markdown). */
  tagline: string | undefined;
  servers: ServerSummary[];
  operations: OperationSummary[];
  /** One line (Markdown), e.g. "API key in the `X-Auth-Token` header: A KakaoCloud API authentication token." */
  authentication: string;
}

export function readBundle(api: ApiName): OpenApiDocument {
  return loadBundle(api) as OpenApiDocument;
}

export function listOperations(doc: OpenApiDocument): OperationSummary[] {
  return operationsOf(doc).map(({ method, path, operation }) => ({ method, path, operationId: operation.operationId, summary: operation.summary }));
}

export function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const flat = text.trim().replace(/\s+/g, " ");
  // A sentence ends at . ! or ? followed by a space or the end; "e.g." and "i.e." are not ends.
  const match = /^.*?(?<!\be\.g|\bi\.e)[.!?](?=\s|$)/.exec(flat);
  return match ? match[0] : flat;
}

function describeScheme(name: string, scheme: SecuritySchemeObject | undefined): string {
  if (!scheme) return name;
  let kind: string;
  switch (scheme.type) {
    case "apiKey":
      kind = `API key in the \`${scheme.name}\` ${scheme.in ?? "header"}`;
      break;
    case "http":
      kind =
        scheme.scheme?.toLowerCase() === "basic"
          ? "HTTP Basic authentication"
          : `HTTP ${scheme.scheme ?? ""} authentication${scheme.bearerFormat ? ` (${scheme.bearerFormat})` : ""}`;
      break;
    case "oauth2":
      kind = "OAuth 2.0";
      break;
    case "openIdConnect":
      kind = "OpenID Connect";
      break;
    case "mutualTLS":
      kind = "Mutual TLS";
      break;
    default:
      kind = scheme.type;
  }
  const sentence = firstSentence(scheme.description);
  if (!sentence) return kind;
  // "HTTP Basic authentication with the email address..." already says what the prefix would.
  return sentence.toLowerCase().startsWith(kind.toLowerCase()) ? sentence : `${kind}: ${sentence}`;
}

/** The top-level security requirements in one line: alternatives joined by "or", combined schemes by "and". */
export function describeAuthentication(doc: OpenApiDocument): string {
  const requirements = doc.security ?? [];
  const schemes = doc.components?.securitySchemes ?? {};
  if (requirements.length === 0) return "None.";
  return requirements
    .map((requirement) => {
      const names = Object.keys(requirement);
      return names.length === 0 ? "none" : names.map((name) => describeScheme(name, schemes[name])).join(" and ");
    })
    .join(" — or — ");
}

export function summarizeApi(api: ApiName, doc: OpenApiDocument = readBundle(api)): ApiSummary {
  return {
    api,
    title: doc.info.title,
    version: doc.info.version,
    tagline: firstSentence(doc.info.summary ?? doc.info.description),
    servers: (doc.servers ?? []).map((server) => ({
      url: server.url,
      description: server.description,
      variables: Object.entries(server.variables ?? {}).map(([name, variable]) => ({
        name,
        default: variable.default,
        values: variable.enum ?? [],
        description: variable.description,
      })),
    })),
    operations: listOperations(doc),
    authentication: describeAuthentication(doc),
  };
}
