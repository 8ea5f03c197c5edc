import { ORDER_TOPICS } from "./topics";

const MINUTE = 60_000;

/** Safety nets for lost webhooks: requests waiting at our location, and shipments not yet handed over. */
export const ORDER_SCHEDULED_TASKS = [
  { topic: ORDER_TOPICS.rereadRequests, intervalMs: () => 5 * MINUTE },
  { topic: ORDER_TOPICS.pollShipments, intervalMs: () => 10 * MINUTE },
];
