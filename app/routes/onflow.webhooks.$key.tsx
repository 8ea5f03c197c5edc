import type { ActionFunctionArgs } from "@remix-run/node";
import { recordOnflowWebhook } from "~/jobs/inbox.server";

const statusFor = { stored: 200, duplicate: 200, "unknown-endpoint": 404, malformed: 400 } as const;

export const action = async ({ request, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") return new Response(null, { status: 405 });
  const outcome = await recordOnflowWebhook(params.key ?? "", await request.text());
  return Response.json(outcome === "unknown-endpoint" ? { error: "Unknown webhook URL" } : {}, { status: statusFor[outcome] });
};
