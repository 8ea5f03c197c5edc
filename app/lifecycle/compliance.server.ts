import { z } from "zod";
import { PermanentJobError } from "~/jobs/errors";
import type { JobContext } from "~/jobs/job-context";
import { customerDataHeld, eraseShopData, recordComplianceRequest, redactCustomerOrders } from "~/models/privacy.server";

// Payload shapes: https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
const customerRequest = z.looseObject({
  customer: z.looseObject({ id: z.union([z.number(), z.string()]) }),
  orders_requested: z.array(z.union([z.number(), z.string()])).optional(),
  orders_to_redact: z.array(z.union([z.number(), z.string()])).optional(),
});

function parse(job: JobContext) {
  const parsed = customerRequest.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError(`Malformed ${job.topic} payload: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export async function handleCustomerDataRequest(job: JobContext) {
  const request = parse(job);
  const orderIds = (request.orders_requested ?? []).map(String);
  const held = await customerDataHeld(job.shop, orderIds);
  await recordComplianceRequest(job.shop, job.topic, String(request.customer.id), held);
}

export async function handleCustomerRedact(job: JobContext) {
  const request = parse(job);
  const orderIds = (request.orders_to_redact ?? []).map(String);
  const redacted = await redactCustomerOrders(job.shop, orderIds);
  await recordComplianceRequest(job.shop, job.topic, String(request.customer.id), { orderIds, queuedWebhooksRedacted: redacted });
}

export async function handleShopRedact(job: JobContext) {
  await eraseShopData(job.shop);
  await recordComplianceRequest(job.shop, job.topic, null, { erased: true });
}
