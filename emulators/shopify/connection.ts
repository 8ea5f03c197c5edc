import { GraphQLError } from "graphql";

// Relay connections as Shopify serves them: `first` or `last` is required and capped at 250, and
// cursors are opaque strings that point at an item, so a page stays stable when items are added.

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

const MAX_PAGE_SIZE = 250;

export function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ last_id: id })).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    const { last_id: id } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { last_id?: unknown };
    if (typeof id === "number") return id;
  } catch {
    // falls through to the error below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "BAD_REQUEST" } });
}

function pageSize(args: PageArgs): number {
  if (args.first == null && args.last == null) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  const size = (args.first ?? args.last)!;
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`The page size must be between 0 and ${MAX_PAGE_SIZE}.`, { extensions: { code: "BAD_REQUEST" } });
  }
  return size;
}

export function connection<T extends { id: number }, V>(items: T[], args: PageArgs, toNode: (item: T) => V) {
  const size = pageSize(args);
  const ordered = args.reverse ? [...items].reverse() : items;
  const indexOf = (cursor: string) => {
    const id = decodeCursor(cursor);
    const index = ordered.findIndex((item) => item.id === id);
    if (index === -1) throw new GraphQLError("Invalid cursor for current pagination sort.", { extensions: { code: "BAD_REQUEST" } });
    return index;
  };
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? indexOf(args.before) : ordered.length;
  if (args.first != null) end = Math.min(end, start + size);
  else start = Math.max(start, end - size);
  const page = ordered.slice(start, end);
  const edges = page.map((item) => ({ cursor: encodeCursor(item.id), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < ordered.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
