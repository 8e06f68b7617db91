import { sharedTestConfig } from "../../vitest.shared.ts";

// The rehearsal's steps set their own, longer timeouts (rehearsal.test.ts).
export default sharedTestConfig("release", import.meta.dirname);
