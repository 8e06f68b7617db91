import { describe, expect, it } from "vitest";
import { createOperationResolver } from "../src/index.js";

describe("operation resolver", () => {
  const resolve = createOperationResolver(
    {
      "GET /dbaas-valkey/{name}": "get-service",
      "GET /dbaas-settings-valkey": "get-settings",
      "DELETE /dbaas-valkey/{service-name}/user/{username}": "delete-user",
    },
    "https://api-ch-gva-2.exoscale.com/v2",
  );

  it("matches the path below the base URL's path to its template", () => {
    expect(resolve("GET", "/v2/dbaas-valkey/my-service")).toBe("get-service");
    expect(resolve("GET", "/v2/dbaas-settings-valkey")).toBe("get-settings");
    expect(resolve("DELETE", "/v2/dbaas-valkey/s/user/u")).toBe("delete-user");
  });

  it("returns undefined for another method or an unknown path", () => {
    expect(resolve("POST", "/v2/dbaas-settings-valkey")).toBeUndefined();
    expect(resolve("GET", "/v2/dbaas-valkey/a/b")).toBeUndefined();
  });
});
