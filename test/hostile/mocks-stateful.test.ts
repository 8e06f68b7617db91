// The hostile-input gate, stateful mocks (lib/mock-gate.ts).
import { describeMockGate } from "./lib/mock-gate.ts";

describeMockGate(true);
