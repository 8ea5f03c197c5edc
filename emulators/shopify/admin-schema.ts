import { readFileSync } from "node:fs";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "graphql";

let schema: GraphQLSchema | undefined;

/** The Admin API subset, built once per process: building it is the slowest part of starting a stand-in. */
export function adminSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(new URL("./admin-schema.graphql", import.meta.url), "utf8"));
  return schema;
}
