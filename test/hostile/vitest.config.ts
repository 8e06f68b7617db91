import { sharedTestConfig } from "../../vitest.shared.ts";

// The hostile-input gate: each file spawns its targets as child processes (so a crash is an exit code,
// not a failed assertion inside the server's own process) on free ports.
export default sharedTestConfig("hostile", import.meta.dirname);
