import { defineConfig } from "tsup";
import { clientBuild } from "../../tsup.client.ts";

export default defineConfig(clientBuild);
