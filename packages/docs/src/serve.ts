// `npm run docs:serve`: serves the built site at http://127.0.0.1:8080 (--host/--port or HOST/PORT).
import { parseArgs } from "node:util";
import { defaultHost, defaultPort, startDocsServer } from "./docs-server.ts";

const { values } = parseArgs({ options: { host: { type: "string" }, port: { type: "string" } } });
const host = values.host ?? process.env.HOST ?? defaultHost;
const port = Number(values.port ?? process.env.PORT ?? defaultPort);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

try {
  const server = await startDocsServer({ host, port });
  console.log(`Docs site: ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`✗ docs: ${(error as Error).message}`);
  process.exit(1);
}
