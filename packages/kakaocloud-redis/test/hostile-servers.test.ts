// The client half of the hostile-input gate for the KakaoCloud client: see
// packages/test-support/src/hostile-servers.ts for the cases.
import * as client from "../src/index.js";
import { describeHostileServers } from "@managed-redis/test-support/hostile-servers";

const TOKEN = "gAAAAABkakao-hostile-token-0042";

describeHostileServers({
  exports: client,
  name: "@managed-redis/kakaocloud-redis",
  secrets: [TOKEN],
  create(baseUrl, options) {
    const kakao = client.createKakaoCloudRedisClient({ token: TOKEN, baseUrl, ...options });
    return {
      get: () => kakao.GET("/v1/clusters/{cluster-id}", { params: { path: { "cluster-id": "c1" } } }),
      post: () =>
        kakao.POST("/v1/clusters", {
          body: { name: "sessions", version: "7.0.12", port: 6379, shardCount: 1, nodeCountPerShard: 2 } as never,
        }),
    };
  },
  authenticated: (request) => request.headers["x-auth-token"] === TOKEN,
});
