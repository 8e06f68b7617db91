// Exoscale DBaaS Valkey: the store (services by name, with their users; the operations the calls started)
// and its seed, the document's service `my-valkey` and its settings.
import type { components } from "@managed-redis/exoscale-dbaas-valkey";
import { spec } from "@managed-redis/spec-facts/apis/exoscale-dbaas-valkey";
import type { ApiContext } from "../api-module.ts";
import { copyJson } from "../json.ts";
import { transition, type Lifecycle } from "../lifecycle.ts";

type Schemas = components["schemas"];
export type Service = Schemas["DbaasServiceValkey"];
export type ServiceState = Schemas["EnumServiceState"];
export type NodeState = Schemas["DbaasNodeState"];
export type User = Schemas["DbaasServiceValkeyUser"] & { username: string; type: string; password: string };
export type OperationView = Schemas["Operation"];

export interface ExoService {
  /** The id that Operation references carry (the service schema has no id of its own). */
  id: string;
  /** The service as stored; its state, node states and users are computed when read. */
  record: Omit<Service, "state" | "node-states" | "users">;
  users: User[];
  life: Lifecycle<ServiceState>;
  /** Node states while nothing is in progress. */
  nodeStates: NodeState[];
  maintenance?: { startedAt: number; until: number };
  migration?: { startedAt: number; until: number };
}

export interface ExoOperation {
  id: string;
  command: string;
  serviceId: string;
  serviceName: string;
  zone: string;
  createdAt: number;
  until: number;
}

export interface ExoscaleState {
  services: Map<string, ExoService>;
  operations: ExoOperation[];
  settings: Schemas["DbaasSettingsValkey"];
  version: string;
}

/** A named example of a success response of an operation, from the spec. */
export function example<T>(operationId: string, name: string): T {
  const operation = spec.facts.operations.find((candidate) => candidate.operationId === operationId);
  const value = operation?.responses.flatMap((response) => response.contents.flatMap((content) => content.examples)).find((candidate) => candidate.key === name)?.value;
  if (value === undefined) throw new Error(`the exoscale-dbaas-valkey spec has no example ${operationId}.${name}`);
  return copyJson(value) as T;
}

export function createState(context: ApiContext): ExoscaleState {
  const { state: seededState, "node-states": nodeStates, users, ...record } = example<Service>("get-dbaas-service-valkey", "running");
  const life: Lifecycle<ServiceState> = { settled: "running" };
  if (seededState !== undefined && seededState !== "running") transition(life, seededState, context.seededAt, context.delays.provision, "running");
  const service: ExoService = { id: context.random.uuid(), record, users: (users ?? []) as User[], life, nodeStates: nodeStates ?? [] };
  return {
    services: new Map([[record.name, service]]),
    operations: [],
    settings: example<Schemas["DbaasSettingsValkey"]>("get-dbaas-settings-valkey", "defaults"),
    version: record.version ?? "8.0.2",
  };
}
