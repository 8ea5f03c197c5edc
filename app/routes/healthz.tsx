import { databaseIsReachable } from "~/models/health.server";

export const loader = async () => {
  const ok = await databaseIsReachable();
  return Response.json({ ok }, { status: ok ? 200 : 503 });
};
