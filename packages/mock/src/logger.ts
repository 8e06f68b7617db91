// The mock's log: one line per event, `<api>  <level>  <message>`, at or above a level.
export type MockLogLevel = "silent" | "fatal" | "error" | "warn" | "info" | "debug" | "trace";
export const mockLogLevels: readonly MockLogLevel[] = ["silent", "fatal", "error", "warn", "info", "debug", "trace"];

export type MockLogger = (level: Exclude<MockLogLevel, "silent">, message: string) => void;

export function createLogger(api: string, level: MockLogLevel, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): MockLogger {
  const threshold = mockLogLevels.indexOf(level);
  return (messageLevel, message) => {
    if (level === "silent" || mockLogLevels.indexOf(messageLevel) > threshold) return;
    write(`${api}  ${messageLevel}  ${message}`);
  };
}
