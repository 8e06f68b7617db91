// Times @managed-redis/mock's startMock() in a fresh process: the first start (which loads Prism) and a
// second one in the same process (Prism loaded), each until the representative GET gets its first answer.
// BENCH_APIS: JSON array of { api, path, headers }; more than one are started together, as the CLI does.
// Prints one JSON line: { coldMs, importMs, warmMs }.
import http from "node:http";

const probes = JSON.parse(process.env.BENCH_APIS ?? "[]");

function answered(url, probe) {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(probe.path, url), { headers: probe.headers, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode));
    });
    request.on("error", reject);
    request.end();
  });
}

async function firstAnswer(url, probe) {
  for (;;) {
    try {
      return await answered(url, probe);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

async function startAll(startMock) {
  const started = performance.now();
  const mocks = await Promise.all(probes.map((probe) => startMock({ api: probe.api, port: 0, logLevel: "silent" })));
  const statuses = await Promise.all(mocks.map((mock, index) => firstAnswer(mock.url, probes[index])));
  const elapsed = performance.now() - started;
  await Promise.all(mocks.map((mock) => mock.close()));
  return { elapsed, statuses };
}

const importStarted = performance.now();
const { startMock } = await import("@managed-redis/mock");
const packageImportMs = performance.now() - importStarted;
const cold = await startAll(startMock);
const warm = await startAll(startMock);
process.stdout.write(`${JSON.stringify({ packageImportMs, coldMs: cold.elapsed, warmMs: warm.elapsed, statuses: cold.statuses })}\n`);
process.exit(0);
