import { InvalidOptionError } from "@managed-redis/client-runtime";
import { serverUrlTemplate, serverVariables } from "./generated/operations.js";

/** The zones of the spec's server variable (generated from the spec, so this list cannot drift). */
export const exoscaleZones = serverVariables.zone.values;
export type ExoscaleZone = (typeof exoscaleZones)[number];
export const DEFAULT_ZONE: ExoscaleZone = serverVariables.zone.default;

/** `https://api-{zone}.exoscale.com/v2` for a known zone; an InvalidOptionError listing the zones otherwise. */
export function zoneBaseUrl(zone: string): string {
  if (!(exoscaleZones as readonly string[]).includes(zone)) {
    throw new InvalidOptionError("zone", `unknown zone "${zone}"; valid zones are ${exoscaleZones.join(", ")}`);
  }
  return serverUrlTemplate.replace("{zone}", zone);
}
