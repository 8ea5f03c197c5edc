// A GraphQL argument or response object. Its shape is the query's selection (or the schema's
// input type), which TypeScript cannot see from here, so fields are left untyped on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GraphqlObject = Record<string, any>;
