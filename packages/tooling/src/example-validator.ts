// Validates every example of a bundled OpenAPI 3.1 document against the schema it illustrates, with Ajv's
// JSON Schema 2020-12 validator: parameter examples, request and response bodies (inline or $ref'd
// component examples), and `examples` arrays on schemas. Each failure names the example and the field.
import { createSpecAjv, deref as derefNode, escapePointer, httpMethods as methods } from "./bundled-specs.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ExampleProblem {
  /** Where the example sits, e.g. `POST /v1/clusters › request body › application/json › restore`. */
  where: string;
  /** JSON pointer of the failing field inside the example value, `/` for the value itself. */
  field: string;
  message: string;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows `$ref`s to components of the same document (a bundle has no others). */
function deref(doc: JsonObject, node: Json | undefined): Json | undefined {
  return derefNode(doc, node) as Json | undefined;
}

interface ExampleCase {
  where: string;
  schemaPointer: string;
  value: Json;
}

function collectMediaExamples(doc: JsonObject, content: Json | undefined, pointer: string, label: string, out: ExampleCase[]) {
  if (!isObject(content)) return;
  for (const [mediaType, mediaNode] of Object.entries(content)) {
    const media = deref(doc, mediaNode);
    if (!isObject(media) || media.schema === undefined) continue;
    const schemaPointer = `${pointer}/${escapePointer(mediaType)}/schema`;
    if (media.example !== undefined) {
      out.push({ where: `${label} › ${mediaType} › example`, schemaPointer, value: media.example });
    }
    if (isObject(media.examples)) {
      for (const [name, exampleNode] of Object.entries(media.examples)) {
        const example = deref(doc, exampleNode);
        if (isObject(example) && example.value !== undefined) {
          out.push({ where: `${label} › ${mediaType} › ${name}`, schemaPointer, value: example.value });
        }
      }
    }
  }
}

function collectParameterExamples(doc: JsonObject, parameters: Json | undefined, pointer: string, label: string, out: ExampleCase[]) {
  if (!Array.isArray(parameters)) return;
  parameters.forEach((parameterNode, index) => {
    const parameter = deref(doc, parameterNode);
    if (!isObject(parameter) || parameter.schema === undefined) return;
    const parameterPointer = isObject(parameterNode) && typeof parameterNode.$ref === "string"
      ? parameterNode.$ref.replace(/^#/, "")
      : `${pointer}/${index}`;
    const where = `${label} › ${String(parameter.in)} parameter ${String(parameter.name)}`;
    const schemaPointer = `${parameterPointer}/schema`;
    if (parameter.example !== undefined) out.push({ where: `${where} › example`, schemaPointer, value: parameter.example });
    if (isObject(parameter.examples)) {
      for (const [name, exampleNode] of Object.entries(parameter.examples)) {
        const example = deref(doc, exampleNode);
        if (isObject(example) && example.value !== undefined) {
          out.push({ where: `${where} › ${name}`, schemaPointer, value: example.value });
        }
      }
    }
  });
}

/** Every `examples` array in a schema, however deep (properties, items, allOf, ...). */
function collectSchemaExamples(node: Json | undefined, pointer: string, label: string, out: ExampleCase[]) {
  if (Array.isArray(node)) {
    node.forEach((item, index) => collectSchemaExamples(item, `${pointer}/${index}`, `${label}[${index}]`, out));
    return;
  }
  if (!isObject(node)) return;
  if (Array.isArray(node.examples) && ["type", "$ref", "properties", "enum", "anyOf", "oneOf"].some((keyword) => node[keyword] !== undefined)) {
    node.examples.forEach((value, index) => {
      out.push({ where: `${label} › examples[${index}]`, schemaPointer: pointer, value });
    });
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "examples" || key === "example" || key === "enum" || key === "const" || key === "default") continue;
    collectSchemaExamples(child, `${pointer}/${escapePointer(key)}`, `${label}.${key}`, out);
  }
}

function collectExamples(doc: JsonObject): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [route, pathNode] of Object.entries(paths)) {
    const pathItem = deref(doc, pathNode);
    if (!isObject(pathItem)) continue;
    const pathPointer = `/paths/${escapePointer(route)}`;
    collectParameterExamples(doc, pathItem.parameters, `${pathPointer}/parameters`, route, cases);
    for (const method of methods) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const opPointer = `${pathPointer}/${method}`;
      const label = `${method.toUpperCase()} ${route}`;
      collectParameterExamples(doc, operation.parameters, `${opPointer}/parameters`, label, cases);
      const requestBodyNode = operation.requestBody;
      const requestBody = deref(doc, requestBodyNode);
      if (isObject(requestBody)) {
        const bodyPointer = isObject(requestBodyNode) && typeof requestBodyNode.$ref === "string"
          ? requestBodyNode.$ref.replace(/^#/, "")
          : `${opPointer}/requestBody`;
        collectMediaExamples(doc, requestBody.content, `${bodyPointer}/content`, `${label} › request body`, cases);
      }
      if (isObject(operation.responses)) {
        for (const [status, responseNode] of Object.entries(operation.responses)) {
          const response = deref(doc, responseNode);
          if (!isObject(response)) continue;
          const responsePointer = isObject(responseNode) && typeof responseNode.$ref === "string"
            ? responseNode.$ref.replace(/^#/, "")
            : `${opPointer}/responses/${escapePointer(status)}`;
          collectMediaExamples(doc, response.content, `${responsePointer}/content`, `${label} › ${status} response`, cases);
        }
      }
    }
  }
  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.schemas)) {
    for (const [name, schema] of Object.entries(components.schemas)) {
      collectSchemaExamples(schema, `/components/schemas/${escapePointer(name)}`, `schema ${name}`, cases);
    }
  }
  return cases;
}

/** Validates every example of `doc` (a bundled OpenAPI 3.1 document) and returns what fails. */
export function validateExamples(doc: JsonObject): ExampleProblem[] {
  const ajv = createSpecAjv();
  const specId = "urn:managed-redis:spec";
  ajv.addSchema({ ...doc, $id: specId } as object);

  const problems: ExampleProblem[] = [];
  for (const example of collectExamples(doc)) {
    const validate = ajv.getSchema(`${specId}#${example.schemaPointer}`);
    if (!validate) {
      problems.push({ where: example.where, field: "/", message: `no schema at ${example.schemaPointer}` });
      continue;
    }
    if (validate(example.value)) continue;
    for (const error of validate.errors ?? []) {
      const detail = error.keyword === "additionalProperties"
        ? `${error.message} (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
        : error.keyword === "enum"
          ? `${error.message}: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(", ")}`
          : String(error.message);
      problems.push({ where: example.where, field: error.instancePath || "/", message: detail });
    }
  }
  return problems;
}

/** How many examples `validateExamples` looks at: a gate that checks none would pass on anything. */
export function countExamples(doc: JsonObject): number {
  return collectExamples(doc).length;
}
