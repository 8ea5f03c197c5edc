import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema } from "graphql";
import { executeSync, getOperationAST, GraphQLError, Kind, parse, validate } from "graphql";
import type { CostBucket } from "./cost-bucket";
import type { MutationCall, RequestContext } from "./graphql-root";
import { rootValue } from "./graphql-root";
import { queryCost } from "./query-cost";

// One POST to /admin/api/<version>/graphql.json: validate against the schema, price the query,
// take the price from the shop's bucket (or answer THROTTLED), run it, and refund what the
// response did not use, reporting it all in `extensions.cost` as Shopify does.

const MAX_QUERY_COST = 1000;

export interface GraphqlRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface ExecutedMutation extends MutationCall {
  result: unknown;
  errors: readonly unknown[];
}

export interface AdminGraphqlResponse {
  body: Record<string, unknown>;
  mutations: ExecutedMutation[];
}

const errorsOnly = (errors: readonly unknown[], extensions?: Record<string, unknown>): AdminGraphqlResponse => ({
  body: { errors, ...(extensions ? { extensions } : {}) },
  mutations: [],
});

export function executeAdminGraphql(
  schema: GraphQLSchema,
  bucket: CostBucket,
  context: Omit<RequestContext, "calls">,
  request: GraphqlRequestBody,
): AdminGraphqlResponse {
  if (typeof request.query !== "string") return errorsOnly([{ message: "No query string was present" }]);
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    return errorsOnly([(error as GraphQLError).toJSON()]);
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length) return errorsOnly(validationErrors.map((error) => error.toJSON()));
  const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) return errorsOnly([{ message: "An operation name is required when the document has several operations" }]);
  const variables = (request.variables && typeof request.variables === "object" ? request.variables : {}) as Record<string, unknown>;
  const fragments = Object.fromEntries(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );

  const requestedQueryCost = queryCost(schema, operation, fragments, variables, "requested");
  if (requestedQueryCost > MAX_QUERY_COST) {
    return errorsOnly([
      {
        message: `Query cost is ${requestedQueryCost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`,
        extensions: { code: "MAX_COST_EXCEEDED", cost: requestedQueryCost, maxCost: MAX_QUERY_COST },
      },
    ]);
  }
  if (!bucket.tryTake(requestedQueryCost)) {
    return errorsOnly([{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }], {
      cost: { requestedQueryCost, actualQueryCost: null, throttleStatus: bucket.status() },
    });
  }

  const calls: MutationCall[] = [];
  const result = executeSync({ schema, document, rootValue, contextValue: { ...context, calls }, variableValues: variables, operationName });
  const data = (result.data ?? null) as Record<string, unknown> | null;
  const actualQueryCost = result.data === undefined ? 0 : queryCost(schema, operation, fragments, variables, data);
  bucket.giveBack(requestedQueryCost - actualQueryCost);
  const errors = result.errors?.map((error) => error.toJSON()) ?? [];
  return {
    body: {
      ...(result.data !== undefined ? { data } : {}),
      ...(errors.length ? { errors } : {}),
      extensions: { cost: { requestedQueryCost, actualQueryCost, throttleStatus: bucket.status() } },
    },
    mutations: calls.map((call) => ({
      ...call,
      result: data?.[call.responseKey] ?? null,
      errors: errors.filter((error) => error.path?.[0] === call.responseKey),
    })),
  };
}
