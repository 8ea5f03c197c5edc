import type { FieldNode, FragmentDefinitionNode, GraphQLCompositeType, GraphQLSchema, OperationDefinitionNode, SelectionSetNode, ValueNode } from "graphql";
import { getNamedType, isCompositeType, isLeafType, isObjectType, Kind, valueFromASTUntyped } from "graphql";

// Shopify's published cost rules, simplified: scalars and enums are free, an object costs 1, a
// connection costs 2 plus its page size times the cost of one node, and a mutation costs 10.
// The requested cost uses the page sizes asked for; the actual cost uses what came back.

const MUTATION_COST = 10;
const CONNECTION_COST = 2;

interface CostContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type Response = Record<string, unknown> | null | undefined;

function isConnectionType(type: GraphQLCompositeType): boolean {
  return type.name.endsWith("Connection");
}

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  return node ? valueFromASTUntyped(node, variables) : undefined;
}

/** The field selections of a selection set, with fragments flattened into their parent. */
function* fieldsOf(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, context: CostContext): Generator<{ field: FieldNode; parent: GraphQLCompositeType }> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield { field: selection, parent };
    else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : context.fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition ? context.schema.getType(fragment.typeCondition.name.value) : parent;
      if (condition && isCompositeType(condition)) yield* fieldsOf(fragment.selectionSet, condition, context);
    }
  }
}

function cost(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, context: CostContext, response: Response | "requested"): number {
  let total = 0;
  for (const { field, parent: owner } of fieldsOf(selectionSet, parent, context)) {
    if (field.name.value.startsWith("__") || !("getFields" in owner)) continue;
    const definition = owner.getFields()[field.name.value];
    if (!definition) continue;
    const type = getNamedType(definition.type);
    if (isLeafType(type) || !field.selectionSet || !isCompositeType(type)) continue;
    const value = response === "requested" ? "requested" : (response?.[field.alias?.value ?? field.name.value] as Response | Response[]);
    if (value === null || value === undefined) continue;
    if (isConnectionType(type)) total += connectionCost(field.selectionSet, type, field.arguments ?? [], context, value as Response | "requested");
    else if (Array.isArray(value)) total += 1 + value.reduce<number>((sum, item) => sum + cost(field.selectionSet!, type, context, item), 0);
    else total += 1 + cost(field.selectionSet, type, context, value);
  }
  return total;
}

function connectionCost(
  selectionSet: SelectionSetNode,
  type: GraphQLCompositeType,
  args: readonly { name: { value: string }; value: ValueNode }[],
  context: CostContext,
  response: Response | "requested",
): number {
  let nodeType: GraphQLCompositeType | undefined;
  let nodeSelection: SelectionSetNode | undefined;
  let nodesKey: { key: string; viaEdges: boolean } | undefined;
  for (const { field, parent } of fieldsOf(selectionSet, type, context)) {
    const name = field.name.value;
    if ((name === "edges" || name === "nodes") && field.selectionSet && "getFields" in parent) {
      const named = getNamedType(parent.getFields()[name].type);
      if (name === "nodes" && isCompositeType(named)) {
        nodeType ??= named;
        nodeSelection ??= field.selectionSet;
        nodesKey ??= { key: field.alias?.value ?? name, viaEdges: false };
      }
      if (name === "edges" && isObjectType(named)) {
        for (const edgeField of fieldsOf(field.selectionSet, named, context)) {
          const nodeDefinition = named.getFields()[edgeField.field.name.value];
          const edgeNodeType = nodeDefinition && getNamedType(nodeDefinition.type);
          if (edgeField.field.name.value === "node" && edgeField.field.selectionSet && edgeNodeType && isCompositeType(edgeNodeType)) {
            nodeType = edgeNodeType;
            nodeSelection = edgeField.field.selectionSet;
            nodesKey = { key: `${field.alias?.value ?? name}.${edgeField.field.alias?.value ?? "node"}`, viaEdges: true };
          }
        }
      }
    }
  }
  if (!nodeType || !nodeSelection || !nodesKey) return CONNECTION_COST;
  if (response === "requested") {
    const argument = (name: string) => args.find((arg) => arg.name.value === name)?.value;
    const pageSize = Number(argumentValue(argument("first"), context.variables) ?? argumentValue(argument("last"), context.variables) ?? 0);
    return CONNECTION_COST + pageSize * (1 + cost(nodeSelection, nodeType, context, "requested"));
  }
  const [listKey, nodeKey] = nodesKey.key.split(".");
  const list = (response?.[listKey] as Record<string, unknown>[] | undefined) ?? [];
  const nodes = nodesKey.viaEdges ? list.map((edge) => edge?.[nodeKey] as Response) : (list as Response[]);
  return CONNECTION_COST + nodes.reduce<number>((sum, node) => sum + 1 + cost(nodeSelection!, nodeType!, context, node), 0);
}

export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  response: Record<string, unknown> | null | "requested",
): number {
  if (operation.operation === "mutation") return MUTATION_COST * operation.selectionSet.selections.length;
  const root = schema.getQueryType();
  if (!root) return 0;
  return cost(operation.selectionSet, root, { schema, fragments, variables }, response);
}
