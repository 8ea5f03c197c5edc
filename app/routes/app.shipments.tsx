import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Badge, Button, Card, EmptyState, IndexTable, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { recentHandoffs } from "~/models/handoff.server";
import { authenticate } from "~/shopify.server";
import { retryHandoff } from "~/sync/orders/retry.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const handoffs = await recentHandoffs(session.shop);
  return {
    handoffs: handoffs.map((handoff) => ({
      id: handoff.id,
      orderName: handoff.orderName,
      state: handoff.state,
      onflowTrackingCode: handoff.onflowTrackingCode,
      courierTrackingCode: handoff.courierTrackingCode,
      courierName: handoff.courierName,
      reason: handoff.reason,
      rejectionReason: handoff.rejectionReason,
      updatedAt: handoff.updatedAt.toISOString(),
    })),
  };
};

const retrySchema = z.object({ handoffId: z.string().min(1) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = retrySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { retried: false };
  return { retried: await retryHandoff(session.shop, parsed.data.handoffId) };
};

const TONE: Record<string, "success" | "critical" | "warning" | "info" | undefined> = {
  fulfilled: "success",
  rejected: "critical",
  needs_attention: "critical",
  retrying: "warning",
  cancel_requested: "warning",
  accepted: "info",
  handed_over: "info",
};

export default function Shipments() {
  const { handoffs } = useLoaderData<typeof loader>();
  return (
    <Page title="Shipments" subtitle="Orders handed to Onflow, newest first">
      <Card padding="0">
        {handoffs.length === 0 ? (
          <EmptyState heading="No orders sent to Onflow yet" image="">
            <p>Orders routed to the Onflow location appear here once Shopify requests their fulfillment.</p>
          </EmptyState>
        ) : (
          <IndexTable
            resourceName={{ singular: "shipment", plural: "shipments" }}
            itemCount={handoffs.length}
            selectable={false}
            headings={[{ title: "Order" }, { title: "State" }, { title: "Onflow code" }, { title: "Tracking" }, { title: "Reason" }, { title: "" }]}
          >
            {handoffs.map((handoff, index) => (
              <IndexTable.Row id={handoff.id} key={handoff.id} position={index}>
                <IndexTable.Cell>
                  <Text as="span" fontWeight="semibold">
                    {handoff.orderName}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={TONE[handoff.state]}>{handoff.state}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>{handoff.onflowTrackingCode ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>{handoff.courierTrackingCode ? `${handoff.courierName ?? ""} ${handoff.courierTrackingCode}`.trim() : "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" tone={handoff.state === "rejected" || handoff.state === "needs_attention" ? "critical" : undefined}>
                    {[handoff.rejectionReason, handoff.reason].filter(Boolean).join(": ") || "—"}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {handoff.state === "needs_attention" ? (
                    <Form method="post">
                      <input type="hidden" name="handoffId" value={handoff.id} />
                      <Button submit size="slim">
                        Retry
                      </Button>
                    </Form>
                  ) : null}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </Page>
  );
}
