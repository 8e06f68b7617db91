// Where the bench finds the repository and writes its results.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = path.resolve(benchDir, "..");
export const childDir = path.join(benchDir, "child");
export const resultsJsonPath = path.join(benchDir, "results.json");
export const resultsMarkdownPath = path.join(benchDir, "RESULTS.md");
