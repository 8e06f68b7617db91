#!/usr/bin/env node
// The `managed-redis-mock` command. This file is committed (dist/ is built), so npm links the bin when
// it installs the package, and also in this repository at `npm ci`, before anything is built; an
// unscoped `npx managed-redis-mock` then finds it here instead of asking the registry.
import("../dist/cli.js").catch((error) => {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/cli.js")) {
    console.error("managed-redis-mock: the mock is not built yet; run `npx turbo run build --filter=@managed-redis/mock` first");
    process.exit(1);
  }
  throw error;
});
