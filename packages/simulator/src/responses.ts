import type { SimResponse } from "./types.ts";

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, body };
}

/** A deep copy of JSON data, so that no caller ever holds a reference into the store. */
export function copyJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a JSON body field by field without trusting it: each getter answers a problem or the value. */
export class BodyReader {
  readonly problems: string[] = [];
  private readonly body: Record<string, unknown>;

  constructor(body: unknown, bodyRequired = true) {
    if (isRecord(body)) this.body = body;
    else {
      this.body = {};
      if (bodyRequired || body !== undefined) this.problems.push("the request body must be a JSON object");
    }
  }

  has(name: string): boolean {
    return this.body[name] !== undefined;
  }

  raw(name: string): unknown {
    return this.body[name];
  }

  string(name: string, required: boolean, minLength = 0, maxLength = Infinity): string | undefined {
    const value = this.body[name];
    if (value === undefined) {
      if (required) this.problems.push(`${name} is required`);
      return undefined;
    }
    if (typeof value !== "string" || value.length < minLength || value.length > maxLength) {
      this.problems.push(`${name} must be a string of ${minLength} to ${maxLength === Infinity ? "any number of" : maxLength} characters`);
      return undefined;
    }
    return value;
  }

  integer(name: string, required: boolean, min = -Infinity, max = Infinity): number | undefined {
    const value = this.body[name];
    if (value === undefined) {
      if (required) this.problems.push(`${name} is required`);
      return undefined;
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max}`);
      return undefined;
    }
    return value;
  }

  boolean(name: string, required: boolean): boolean | undefined {
    const value = this.body[name];
    if (value === undefined) {
      if (required) this.problems.push(`${name} is required`);
      return undefined;
    }
    if (typeof value !== "boolean") {
      this.problems.push(`${name} must be a boolean`);
      return undefined;
    }
    return value;
  }

  /** An array of `{ id: string }` objects. */
  idList(name: string, required: boolean, minItems = 0): { id: string }[] | undefined {
    const value = this.body[name];
    if (value === undefined) {
      if (required) this.problems.push(`${name} is required`);
      return undefined;
    }
    if (!Array.isArray(value) || value.length < minItems || !value.every(isIdRef)) {
      this.problems.push(`${name} must be an array of at least ${minItems} objects with an id`);
      return undefined;
    }
    return value.map((item) => ({ id: item.id }));
  }

  object(name: string, required: boolean): Record<string, unknown> | undefined {
    const value = this.body[name];
    if (value === undefined) {
      if (required) this.problems.push(`${name} is required`);
      return undefined;
    }
    if (!isRecord(value)) {
      this.problems.push(`${name} must be an object`);
      return undefined;
    }
    return value;
  }

  problem(message: string): void {
    this.problems.push(message);
  }
}

export function isIdRef(value: unknown): value is { id: string } {
  return isRecord(value) && typeof value.id === "string" && value.id.length > 0;
}
