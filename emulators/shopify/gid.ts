// Shopify's global ids: `gid://shopify/<Type>/<legacy id>`.

export function toGid(type: string, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

/** The legacy id inside a gid of the given type; undefined for anything else, so a wrong type is simply "not found". */
export function fromGid(type: string, gid: string | null | undefined): number | undefined {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/.exec(gid ?? "");
  if (!match || match[1] !== type) return undefined;
  return Number(match[2]);
}

/** The control API takes either a gid or a bare number. */
export function toLegacyId(type: string, value: string | number): number | undefined {
  if (typeof value === "number") return value;
  if (/^\d+$/.test(value)) return Number(value);
  return fromGid(type, value);
}
