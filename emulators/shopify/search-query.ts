// A small part of Shopify's search syntax, enough for the filters the app uses:
// `sku:ABC-1 status:active`, `title:shirt*`, `id:>123`, `updated_at:>2026-01-01`, and bare words
// matched against the title. Terms are ANDed; `AND` itself is accepted and ignored.

type SearchValue = string | number | string[];

const TERM = /(-)?(?:(\w+):)?(>=|<=|>|<)?("[^"]*"|'[^']*'|\S+)/g;

function compare(actual: string | number, operator: string, expected: string): boolean {
  const [left, right] = typeof actual === "number" ? [actual, Number(expected)] : [actual, expected];
  switch (operator) {
    case ">": return left > right;
    case ">=": return left >= right;
    case "<": return left < right;
    case "<=": return left <= right;
    default: {
      const text = String(actual).toLowerCase();
      const wanted = expected.toLowerCase();
      return wanted.endsWith("*") ? text.startsWith(wanted.slice(0, -1)) : text === wanted;
    }
  }
}

export function matchesSearch(query: string | null | undefined, fields: Record<string, SearchValue>): boolean {
  if (!query?.trim()) return true;
  for (const [, negated, field, operator = "", rawValue] of query.matchAll(TERM)) {
    if (!field && rawValue === "AND") continue;
    const value = rawValue.replace(/^["']|["']$/g, "");
    const candidates = field ? fields[field] : undefined;
    const matched = field
      ? candidates !== undefined && (Array.isArray(candidates) ? candidates : [candidates]).some((candidate) => compare(candidate, operator, value))
      : String(fields.title ?? "").toLowerCase().includes(value.toLowerCase());
    if (matched === Boolean(negated)) return false;
  }
  return true;
}
