import { sharedTestConfig } from "../../vitest.shared.ts";

// Each test file starts its own stateful mocks (in-process, free ports), so faults set by one file
// never reach another.
export default sharedTestConfig("stateful", import.meta.dirname);
