// The release rehearsal's registry process: Verdaccio, started by local-registry.ts as
//   node --import tsx local-registry-server.ts <config.json>
// It listens on 127.0.0.1 with port 0 (a free port), prints one line, {"url":"http://127.0.0.1:<port>/"},
// and stops on SIGTERM or SIGINT, or when its standard input closes: the parent went away, however it
// ended, so no registry outlives a crashed or killed rehearsal.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { runServer } from "verdaccio";

const configFile = process.argv[2];
if (!configFile) {
  process.stderr.write("usage: local-registry-server.ts <config.json>\n");
  process.exit(2);
}

const server = await runServer(JSON.parse(readFileSync(configFile, "utf8")));
let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections?.();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();

server.on("error", (error: Error) => {
  process.stderr.write(`local registry: ${error.message}\n`);
  process.exit(1);
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/` })}\n`);
});
