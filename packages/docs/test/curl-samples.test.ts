// Every curl sample, run as a reader runs it (bash, curl, and for Exoscale node with the client package),
// against the API's static mock on a free port: each gets a 2xx answer, so its URL, headers and body are
// what the API accepts. Exoscale's samples also go to a server that checks the EXO2 signature with the
// client's signer: the body and query signed are the ones curl sends. Where the machine has no curl (npm
// test needs only Node and npm), the samples run through a stand-in that takes the same options with curl's
// meaning (test/support/curl-stand-in.mjs); where it has one, the stand-in is held to curl's answers.
import { execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startMock, type RunningMock } from "@managed-redis/mock";
import { signExoscaleRequest } from "@managed-redis/exoscale-dbaas-valkey";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiNames, repoRoot, type ApiName } from "@managed-redis/tooling/apis";
import { readBundle } from "../src/api-summary.ts";
import { curlSample, sampleOperations } from "../src/code-samples.ts";

const hasCurl = (() => {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const standIn = `node ${JSON.stringify(fileURLToPath(new URL("./support/curl-stand-in.mjs", import.meta.url)))}`;
const curl = hasCurl ? "curl" : standIn;
if (!hasCurl) console.warn("curl-samples: no curl on this machine; the samples run through the stand-in (test/support/curl-stand-in.mjs)");

const env = { ...process.env, KAKAO_API_TOKEN: "token-for-the-mock", RE_USERNAME: "admin@example.com", RE_PASSWORD: "any", EXOSCALE_API_KEY: "EXOsample", EXOSCALE_API_SECRET: "secret-for-the-check" };

/** Runs a sample with BASE_URL pointing at `baseUrl`; returns the HTTP status curl printed. */
function runSample(sample: string, baseUrl: string, command = curl): Promise<string> {
  const script = sample.replace(/^BASE_URL=\S+/m, `BASE_URL=${baseUrl}`).replace(/^curl /m, () => `${command} -sS -o /dev/null -w '%{http_code}' `);
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-euo", "pipefail", "-c", script], { cwd: repoRoot, env });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}: ${err}\n${script}`))));
  });
}

const mocks = new Map<ApiName, RunningMock>();
let verifier: http.Server;
let verifierUrl: string;
const verdicts: string[] = [];

beforeAll(async () => {
  for (const mock of await Promise.all(apiNames.map((api) => startMock({ api, port: 0, logLevel: "silent" })))) mocks.set(mock.api, mock);
  // Recomputes each request's signature with the client's signer, from what arrived: method, URL, body.
  verifier = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const header = request.headers.authorization ?? "";
      const expires = Number(/,expires=(\d+),/.exec(header)?.[1]);
      const expected = await signExoscaleRequest(
        { method: request.method!, url: `${verifierUrl}${request.url}`, body: Buffer.concat(chunks).toString("utf8") },
        { apiKey: env.EXOSCALE_API_KEY, apiSecret: env.EXOSCALE_API_SECRET },
        expires,
      );
      verdicts.push(`${request.method} ${request.url} ${header === expected ? "valid" : `invalid: ${header}`}`);
      response.writeHead(header === expected ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => verifier.listen(0, "127.0.0.1", resolve));
  verifierUrl = `http://127.0.0.1:${(verifier.address() as AddressInfo).port}`;
}, 90_000);

afterAll(async () => {
  await Promise.all([...mocks.values()].map((mock) => mock.close()));
  verifier?.close();
});

describe("curl samples", () => {
  it.each(apiNames)("%s: each gets a 2xx answer from the static mock", { timeout: 120_000 }, async (api) => {
    const operations = sampleOperations(readBundle(api));
    const statuses: string[] = [];
    for (const operation of operations) {
      statuses.push(`${operation.operationId} ${await runSample(curlSample(api, operation, "https://unused", "http://unused"), mocks.get(api)!.url)}`);
    }
    expect(statuses.filter((line) => !/ 2\d\d$/.test(line))).toEqual([]);
    expect(statuses).toHaveLength(operations.length);
  });

  it("exoscale-dbaas-valkey: each sends a valid EXO2-HMAC-SHA256 signature of what it sends", { timeout: 120_000 }, async () => {
    const operations = sampleOperations(readBundle("exoscale-dbaas-valkey"));
    for (const operation of operations) await runSample(curlSample("exoscale-dbaas-valkey", operation, "https://unused", "http://unused"), verifierUrl);
    expect(verdicts).toHaveLength(operations.length);
    expect(verdicts.filter((line) => !line.endsWith(" valid"))).toEqual([]);
  });

  it.skipIf(!hasCurl)("the stand-in answers as curl does, for every sample of every API (so it may stand in where curl is missing)", { timeout: 180_000 }, async () => {
    const differences: string[] = [];
    for (const api of apiNames) {
      for (const operation of sampleOperations(readBundle(api))) {
        const sample = curlSample(api, operation, "https://unused", "http://unused");
        const [real, stood] = [await runSample(sample, mocks.get(api)!.url, "curl"), await runSample(sample, mocks.get(api)!.url, standIn)];
        if (real !== stood) differences.push(`${api} ${operation.operationId}: curl ${real}, stand-in ${stood}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("the stand-in refuses an option it does not know, rather than half-running a sample", async () => {
    await expect(runSample("curl --compressed http://127.0.0.1:9/", "http://unused", standIn)).rejects.toThrow(/Unknown option '--compressed'/);
  });
});
