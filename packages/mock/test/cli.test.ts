// Runs the built CLI (dist/cli.js), the file `npx @managed-redis/mock` runs.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { credentials } from "./support/requests.ts";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (npx turbo run build --filter=@managed-redis/mock)`);
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function start(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: "pipe" });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("close", (code) => resolve({ code, stdout, stderr })),
  );
  const line = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout);
        if (match) resolve(match);
      };
      child.stdout.on("data", check);
      void exit.then((result) => reject(new Error(`exited with ${result.code} before printing ${pattern}: ${result.stderr}`)));
      check();
    });
  return { child, exit, line };
}

function run(args: string[]) {
  return start(args).exit;
}

function occupyFreePort(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function portOf(server: net.Server): number {
  return (server.address() as net.AddressInfo).port;
}

describe("managed-redis-mock (CLI)", () => {
  it("--help prints every option and exits 0", async () => {
    const { code, stdout, stderr } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    for (const option of ["--api", "--port", "--host", "--dynamic", "--stateful", "--seed", "--delay-scale", "--delay", "--log-level", "--version", "--help"]) expect(stdout).toContain(option);
  });

  it("--version prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(await run(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([
    [["--bogus"], "unknown option --bogus"],
    [["--api", "redis-enterprise", "--port", "abc"], "--port"],
    [["--api", "redis"], "kakaocloud-redis, exoscale-dbaas-valkey, redis-enterprise"],
  ])("%j: one line on stderr, exit code 2", async (args, text) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^managed-redis-mock: [^\n]+\n$/);
    expect(stderr).toContain(text);
  });

  it("a port in use: one line naming host:port, exit code 2", async () => {
    const blocker = await occupyFreePort();
    try {
      const port = portOf(blocker);
      const { code, stdout, stderr } = await run(["--api", "redis-enterprise", "--port", String(port), "--log-level", "silent"]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toBe(`managed-redis-mock: 127.0.0.1:${port} is already in use (redis-enterprise)\n`);
    } finally {
      blocker.close();
    }
  });

  it("prints the URL once the API answers, serves it, and on SIGINT exits 0 and frees the port", async () => {
    const mock = start(["--api", "redis-enterprise", "--port", "0"]);
    const [, url] = await mock.line(/^redis-enterprise {2}(http:\/\/127\.0\.0\.1:\d+)\n/);
    const response = await fetch(`${url}/v1/local/services`, { headers: credentials["redis-enterprise"] });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("alert_mgr");

    mock.child.kill("SIGINT");
    const { code, stderr } = await mock.exit;
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const port = Number(new URL(url!).port);
    await new Promise<void>((resolve, reject) => {
      const server = net.createServer().once("error", reject);
      server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
    });
  });

  it("logs a rejected request on stderr with the API's name and where it went wrong", async () => {
    const mock = start(["--api", "redis-enterprise", "--port", "0"]);
    const [, url] = await mock.line(/^redis-enterprise {2}(http:\/\/\S+)\n/);
    await fetch(`${url}/v1/services`, {
      method: "POST",
      headers: { ...credentials["redis-enterprise"], "content-type": "application/json" },
      body: JSON.stringify({ operation_type: "reboot", services: ["alert_mgr"] }),
    });
    mock.child.kill("SIGTERM");
    const { code, stderr } = await mock.exit;
    expect(code).toBe(0);
    expect(stderr).toContain("redis-enterprise  error  Violation: request.body.operation_type");
  });

  it("--stateful: a created cluster is listed as Creating, turns Running after the configured delay, and a delete leaves 404", async () => {
    const provisionMs = 600;
    const mock = start(["--api", "kakaocloud-redis", "--port", "0", "--stateful", "--delay", `provision=${provisionMs}`]);
    const [, url] = await mock.line(/^kakaocloud-redis {2}(http:\/\/127\.0\.0\.1:\d+)\n/);
    const headers = { ...credentials["kakaocloud-redis"], "content-type": "application/json" };
    const body = readFileSync(new URL("./fixtures/kakaocloud-create-cluster.json", import.meta.url), "utf8");
    const created = await fetch(`${url}/v1/clusters`, { method: "POST", headers, body });
    expect(created.status).toBe(201);
    const { objectId } = (await created.json()) as { objectId: string };
    const status = async () => {
      const list = (await (await fetch(`${url}/v1/clusters`, { headers })).json()) as { clusters: { objectId: string; status: string }[] };
      return list.clusters.find((cluster) => cluster.objectId === objectId)?.status;
    };
    expect(await status()).toBe("Creating");
    await new Promise((resolve) => setTimeout(resolve, provisionMs + 100));
    expect(await status()).toBe("Running");
    expect((await fetch(`${url}/v1/clusters/${objectId}`, { method: "DELETE", headers })).status).toBe(200);
    expect((await fetch(`${url}/v1/clusters/${objectId}`, { headers })).status).toBe(404);

    mock.child.kill("SIGTERM");
    expect((await mock.exit).code).toBe(0);
  });
});
