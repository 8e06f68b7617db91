import { sharedTestConfig } from "../../vitest.shared.ts";

export default sharedTestConfig("browser-msw", import.meta.dirname);
