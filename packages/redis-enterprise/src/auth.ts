import { InvalidOptionError, requireCredential, type Authenticator } from "@managed-redis/client-runtime";
import type { Middleware } from "openapi-fetch";

export interface RedisEnterpriseCredentials {
  /** The email address or username of a cluster user. */
  username: string;
  password: string;
}

function basicHeader(username: string, password: string): string {
  // UTF-8 first: btoa only takes Latin-1, and passwords may not be.
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** HTTP Basic authentication; the header is computed once per client. */
export function createRedisEnterpriseAuthenticator(credentials: Partial<RedisEnterpriseCredentials>): Authenticator {
  // Both travel base64-encoded (as UTF-8), so any character can; a control character cannot be meant.
  const username = requireCredential(credentials.username, "username", false);
  const password = requireCredential(credentials.password, "password", false);
  if (username.includes(":")) {
    throw new InvalidOptionError("username", "HTTP Basic authentication does not allow a colon in it");
  }
  const header = basicHeader(username, password);
  return {
    authenticate(request) {
      request.headers.set("Authorization", header);
      return request;
    },
    secrets: () => [password, header, header.slice("Basic ".length)],
  };
}

/** The same authentication as an openapi-fetch middleware, for a client made with openapi-fetch's `createClient`. */
export function redisEnterpriseAuthMiddleware(credentials: RedisEnterpriseCredentials): Middleware {
  const authenticator = createRedisEnterpriseAuthenticator(credentials);
  return {
    onRequest: ({ request }) => authenticator.authenticate(request),
  };
}
