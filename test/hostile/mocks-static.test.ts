// The hostile-input gate, static mocks (lib/mock-gate.ts).
import { describeMockGate } from "./lib/mock-gate.ts";

describeMockGate(false);
