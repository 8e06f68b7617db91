// A real npm registry on this machine for the release rehearsal: Verdaccio in a child process
// (local-registry-server.ts), its storage, user file and log in a folder the caller owns (a temp folder).
//   - @managed-redis/*: published here by the one user the rehearsal creates, served only from here (never
//     looked up upstream, so an install gets what the rehearsal published or nothing);
//   - everything else: read through from the registry npm is configured with here (its URL, CA file and
//     proxies, read from npm's configuration, never its credentials); publishing refused.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "../apis.ts";

export const PUBLISH_SCOPE = "@managed-redis";

export interface Uplink {
  url: string;
  /** PEM text of npm's `cafile`, when npm has one. */
  ca?: string;
  strictSsl: boolean;
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

/** The upstream npm uses here: registry, cafile, strict-ssl and proxies from `npm config` (no credentials). */
export function uplinkFromNpmConfig(cwd: string = repoRoot, env: NodeJS.ProcessEnv = process.env): Uplink {
  // `npm config get a b ...` prints one `key=value` line per key ("null" or nothing when unset).
  const output = execFileSync("npm", ["config", "get", "registry", "cafile", "strict-ssl", "https-proxy", "proxy", "noproxy"], { cwd, env, encoding: "utf8" });
  const config = new Map(
    output
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")).trim(), line.slice(line.indexOf("=") + 1).trim()] as const),
  );
  const text = (value: string | undefined) => (value && value !== "null" && value !== "undefined" ? value : undefined);
  const url = text(config.get("registry"));
  if (!url) throw new Error("npm has no `registry` configured");
  const cafile = text(config.get("cafile"));
  const uplink: Uplink = { url, strictSsl: config.get("strict-ssl") !== "false" };
  if (cafile) uplink.ca = readFileSync(cafile, "utf8");
  const httpsProxy = text(config.get("https-proxy"));
  const httpProxy = text(config.get("proxy"));
  const noProxy = text(config.get("noproxy"));
  if (httpsProxy) uplink.httpsProxy = httpsProxy;
  if (httpProxy) uplink.httpProxy = httpProxy;
  if (noProxy) uplink.noProxy = noProxy;
  return uplink;
}

/** Verdaccio's configuration (the object form of its config.yaml). */
export function verdaccioConfig(dir: string, uplink: Uplink): Record<string, unknown> {
  return {
    self_path: path.join(dir, "config.json"),
    storage: path.join(dir, "storage"),
    auth: { htpasswd: { file: path.join(dir, "htpasswd"), max_users: 1 } },
    uplinks: {
      upstream: {
        url: uplink.url,
        cache: true,
        timeout: "60s",
        max_fails: 5,
        strict_ssl: uplink.strictSsl,
        ...(uplink.ca ? { ca: uplink.ca } : {}),
        ...(uplink.httpsProxy ? { https_proxy: uplink.httpsProxy } : {}),
        ...(uplink.httpProxy ? { http_proxy: uplink.httpProxy } : {}),
        ...(uplink.noProxy ? { no_proxy: uplink.noProxy } : {}),
      },
    },
    packages: {
      // No `proxy`: this scope is served from here only.
      [`${PUBLISH_SCOPE}/*`]: { access: "$all", publish: "$authenticated", unpublish: "$authenticated" },
      // "nobody" is a group no user is in: publishing anything else is refused (403).
      "**": { access: "$all", publish: "nobody", unpublish: "nobody", proxy: "upstream" },
    },
    // JWT tokens: checked by signature, not by hashing the password again on every request.
    security: { api: { jwt: { sign: { expiresIn: "2h" } } } },
    web: { enable: false },
    max_body_size: "100mb",
    log: { type: "file", path: path.join(dir, "verdaccio.log"), format: "pretty", level: "warn" },
  };
}

export interface LocalRegistry {
  /** http://127.0.0.1:<port>/ */
  url: string;
  pid: number;
  logFile: string;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s); resolves once it has exited. */
  stop(): Promise<void>;
}

const serverScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "local-registry-server.ts");

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startLocalRegistry(dir: string, uplink: Uplink, { timeoutMs = 60_000 } = {}): Promise<LocalRegistry> {
  const configFile = path.join(dir, "config.json");
  const config = verdaccioConfig(dir, uplink);
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const child = spawn(process.execPath, ["--import", "tsx", serverScript, configFile], {
    cwd: repoRoot,
    stdio: ["pipe", "pipe", "pipe"],
    // Verdaccio needs no credential of this machine: nothing token-like, and none of npm's settings.
    env: Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_|TOKEN|SECRET|PASSWORD|CREDENTIAL|^NODE_OPTIONS$/i.test(key))),
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited(child);
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      const timer = setTimeout(() => reject(new Error(`the local registry did not start within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
      child.stdout!.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split("\n").find((candidate) => candidate.startsWith("{"));
        if (!line) return;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the local registry exited (${signal ?? code}) before it listened\n${stderr}`));
      });
    });
    return { url, pid: child.pid!, logFile: path.join(dir, "verdaccio.log"), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Creates the registry's one user (a fresh random password) and returns its token: the only credential
 * of a rehearsal, valid on this registry alone, and gone with its folder.
 */
export async function createRegistryUser(url: string, name: string, password: string): Promise<string> {
  const response = await fetch(new URL(`-/user/org.couchdb.user:${encodeURIComponent(name)}`, url), {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(`the local registry refused to create user ${name}: ${response.status} ${body.error ?? ""}`.trim());
  return body.token;
}
