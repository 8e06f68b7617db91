// The Content-Type of a request that carries a body, read with the `content-type` package (RFC 9110
// §8.3): a header that is not one media type (`;;;`, `application/json, text/plain`) is refused with 400,
// a media type none of the routes takes (or JSON in a charset other than UTF-8) with 415, before the
// body is read.
import contentType from "content-type";
import { INVALID_CONTENT_TYPE, MALFORMED_CONTENT_TYPE, problem } from "../problems.js";

export interface MediaTypeRule {
  /** The media types (lower case, no parameters) the routes behind the edge take a body in. */
  accepted: ReadonlySet<string>;
}

const isJsonFamily = (type: string) => type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));

export function checkContentType(header: string | undefined, rule: MediaTypeRule): void {
  if (header === undefined) return;
  let parsed: contentType.ParsedMediaType;
  try {
    parsed = contentType.parse(header);
  } catch (error) {
    throw problem(MALFORMED_CONTENT_TYPE, `The Content-Type header ${JSON.stringify(header.slice(0, 100))} is not one media type (${error instanceof Error ? error.message : String(error)})`);
  }
  const charset = parsed.parameters.charset?.toLowerCase();
  if (isJsonFamily(parsed.type)) {
    if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
      throw problem(INVALID_CONTENT_TYPE, `JSON bodies must be UTF-8 (RFC 8259); the Content-Type says charset=${charset}`);
    }
    return;
  }
  if (!rule.accepted.has(parsed.type)) {
    throw problem(INVALID_CONTENT_TYPE, `Supported content types: ${[...rule.accepted].join(", ")}; the request body is ${parsed.type}`);
  }
}
