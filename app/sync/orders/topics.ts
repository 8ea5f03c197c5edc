/** Job topics of the order hand-off; the Shopify and Onflow ones are the inbox's storage form. */
export const ORDER_TOPICS = {
  orderCreated: "ORDERS_CREATE",
  fulfillmentRequested: "FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_SUBMITTED",
  cancellationRequested: "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_SUBMITTED",
  fulfillmentOrderCancelled: "FULFILLMENT_ORDERS_CANCELLED",
  // app/onflow/webhooks.ts: event_code "shipment.update_status" [inferred].
  shipmentStatusUpdated: "ONFLOW_SHIPMENT_UPDATE_STATUS",
  handoff: "INTERNAL_ORDERS_HANDOFF",
  cancellation: "INTERNAL_ORDERS_CANCELLATION",
  rereadRequests: "INTERNAL_ORDERS_REREAD_REQUESTS",
  pollShipments: "INTERNAL_ORDERS_POLL_SHIPMENTS",
} as const;
