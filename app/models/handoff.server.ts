import type { Handoff } from "@prisma/client";
import prisma from "~/db.server";
import type { ProductLinkState } from "./product-link.server";

/**
 * The hand-off ledger: one row per Shopify fulfillment order, written before Onflow is called.
 *   requested → submitting → accepted → handed_over → fulfilled
 *   requested → rejected;  submitting → retrying → … ;  any open state → needs_attention
 *   accepted → cancel_requested → cancelled
 */
export type HandoffState =
  | "requested"
  | "submitting"
  | "accepted"
  | "handed_over"
  | "fulfilled"
  | "rejected"
  | "cancel_requested"
  | "cancelled"
  | "retrying"
  | "needs_attention";

export type { Handoff };

export async function findHandoff(fulfillmentOrderId: string) {
  return prisma.handoff.findUnique({ where: { fulfillmentOrderId } });
}

export async function findHandoffByTracking(shop: string, trackingCode: string, merchantReference: string | null) {
  return prisma.handoff.findFirst({
    where: { shop, OR: [{ onflowTrackingCode: trackingCode }, ...(merchantReference ? [{ merchantReference }] : [])] },
  });
}

/** Idempotent: a second request for the same fulfillment order finds the first row. */
export async function openHandoff(row: { shop: string; fulfillmentOrderId: string; orderId: string; orderName: string; merchantReference: string }) {
  return prisma.handoff.upsert({
    where: { fulfillmentOrderId: row.fulfillmentOrderId },
    create: { ...row, state: "requested" },
    update: {},
  });
}

type HandoffChanges = Partial<
  Pick<
    Handoff,
    "onflowTrackingCode" | "onflowStatus" | "courierName" | "courierTrackingCode" | "reason" | "rejectionReason" | "acceptedAt" | "handedOverAt" | "fulfilledAt"
  >
>;

/**
 * Moves the row only if it is still in one of the expected states, so a stale actor cannot undo a
 * later step. Returns the row after the move, or null when the guard did not match.
 */
export async function moveHandoff(id: string, from: HandoffState[], to: HandoffState, changes: HandoffChanges = {}) {
  const moved = await prisma.handoff.updateMany({
    where: { id, state: { in: from } },
    data: { ...changes, state: to, ...(to === "submitting" ? { attempts: { increment: 1 } } : {}) },
  });
  return moved.count === 1 ? prisma.handoff.findUnique({ where: { id } }) : null;
}

export async function recordHandoffDetails(id: string, changes: HandoffChanges) {
  return prisma.handoff.update({ where: { id }, data: changes });
}

/** Shipments Onflow still has to hand over (or that we still have to fulfil in Shopify). */
export async function handoffsAwaitingHandover(shop: string, take = 100) {
  return prisma.handoff.findMany({
    where: { shop, state: { in: ["accepted", "handed_over"] }, onflowTrackingCode: { not: null } },
    orderBy: { updatedAt: "asc" },
    take,
  });
}

export async function recentHandoffs(shop: string, take = 100) {
  return prisma.handoff.findMany({ where: { shop }, orderBy: { updatedAt: "desc" }, take });
}

export async function findShopHandoff(shop: string, id: string) {
  return prisma.handoff.findFirst({ where: { shop, id } });
}

/**
 * Variant GID → OASIN for the given variants whose Onflow product can take orders. Read-only access
 * to the catalogue's links, kept here because the hand-off is the only reader that needs this view.
 */
export async function activeOasinsForVariants(shop: string, variantIds: string[]): Promise<Map<string, string>> {
  const links = await prisma.productLink.findMany({
    where: { shop, variantId: { in: variantIds }, oasin: { not: null }, state: { in: [...USABLE_LINK_STATES] } },
    select: { variantId: true, oasin: true },
  });
  return new Map(links.map((link) => [link.variantId, link.oasin!]));
}

/** Catalogue link states in which the Onflow product is assigned to the warehouse and can ship. */
const USABLE_LINK_STATES: ProductLinkState[] = ["assigned", "active"];
