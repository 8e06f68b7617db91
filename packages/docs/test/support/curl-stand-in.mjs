#!/usr/bin/env node
// Stands in for curl where the machine has none (npm test needs only Node and npm): it takes the options the
// docs' curl samples use, with curl's meaning, and sends the request with fetch. Flags it does not know are an
// error, so a sample that starts using one fails here instead of being half-run.
import { readFileSync } from "node:fs";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  strict: true,
  options: {
    request: { type: "string", short: "X" },
    header: { type: "string", short: "H", multiple: true },
    user: { type: "string", short: "u" },
    data: { type: "string", short: "d", multiple: true },
    cacert: { type: "string" },
    silent: { type: "boolean", short: "s" },
    "show-error": { type: "boolean", short: "S" },
    output: { type: "string", short: "o" },
    "write-out": { type: "string", short: "w" },
  },
});

if (positionals.length !== 1) throw new Error(`expected one URL, got ${JSON.stringify(positionals)}`);
const url = new URL(positionals[0]);
if (values.cacert && url.protocol === "https:") readFileSync(values.cacert); // curl fails on a missing file

const headers = new Headers();
for (const line of values.header ?? []) {
  const colon = line.indexOf(":");
  if (colon < 1) throw new Error(`malformed header ${JSON.stringify(line)}`);
  headers.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
}
if (values.user !== undefined) headers.set("Authorization", `Basic ${Buffer.from(values.user).toString("base64")}`);
// curl joins several --data with "&", posts them, and labels them as a form unless told otherwise.
const body = values.data ? values.data.join("&") : undefined;
if (body !== undefined && !headers.has("content-type")) headers.set("Content-Type", "application/x-www-form-urlencoded");
const method = values.request ?? (body !== undefined ? "POST" : "GET");

const response = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
const text = await response.text();
if (values.output && values.output !== "/dev/null") writeFileSync(values.output, text);
else if (!values.output) process.stdout.write(text);
if (values["write-out"] !== undefined) process.stdout.write(values["write-out"].replaceAll("%{http_code}", String(response.status)));
