// Reads and rewrites `info.version` of a hand-written OpenAPI document in place: only the characters of
// that one value change, so comments, folding and the rest of the file stay byte for byte as written.
import { isMap, isScalar, parseDocument } from "yaml";

function versionNode(yamlText: string, file: string) {
  const document = parseDocument(yamlText);
  if (document.errors.length > 0) throw new Error(`${file}: not valid YAML: ${document.errors[0]!.message}`);
  const info = document.get("info", true);
  if (!isMap(info)) throw new Error(`${file}: has no \`info\` object`);
  const version = info.get("version", true);
  if (!isScalar(version) || typeof version.value !== "string" || !version.range) {
    throw new Error(`${file}: \`info.version\` is missing or not a string`);
  }
  return { value: version.value, start: version.range[0], end: version.range[1] };
}

export function readInfoVersion(yamlText: string, file = "openapi.yaml"): string {
  return versionNode(yamlText, file).value;
}

export function setInfoVersion(yamlText: string, version: string, file = "openapi.yaml"): string {
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`${file}: "${version}" is not a semantic version`);
  const { start, end } = versionNode(yamlText, file);
  return `${yamlText.slice(0, start)}${version}${yamlText.slice(end)}`;
}
