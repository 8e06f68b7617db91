import { sharedTestConfig } from "../../vitest.shared.ts";

export default sharedTestConfig("@managed-redis/spec-facts");
