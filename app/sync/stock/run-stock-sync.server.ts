import type { Shop } from "@prisma/client";
import { HttpRequestError, HttpRetriableError } from "@shopify/shopify-api";
import { describeError, PermanentJobError } from "~/jobs/errors";
import { findShop } from "~/models/shop.server";
import type { StockRunOutcome, StockRunTrigger } from "~/models/stock-run.server";
import { finishStockRun, rememberShopifyOnHand, startStockRun, stockLinks } from "~/models/stock-run.server";
import type { OnflowGateway } from "~/onflow/gateway";
import type { ShopifyAdmin } from "~/shopify/admin.server";
import { shopifyAdmin } from "~/shopify/admin.server";
import { readOnHand, setOnHand } from "~/shopify/inventory.server";
import { onflowForShop } from "~/sync/onflow-for-shop.server";
import { beforeStockRun, type BeforeStockRun } from "./before-stock-run.server";
import { idempotencyKeyFor, inBatches, planStockWrites, restrictTo, type PlannedWrite } from "./plan";
import { readOnflowStock } from "./read-onflow-stock.server";
import { rememberedOnHand } from "./remembered-on-hand";
import { sellableQuantities } from "./sellable-quantity";
import { holdStockRunLease } from "./stock-run-lease.server";

export interface StockRunSummary extends StockRunOutcome {
  runId: string;
  shop: string;
  trigger: StockRunTrigger;
}

export interface StockSyncOptions {
  trigger: StockRunTrigger;
  /** Refresh only these products (the stock webhook); a full run when absent. */
  oasins?: readonly string[];
  onflow?: OnflowGateway;
  shopify?: ShopifyAdmin;
  beforeStockRun?: BeforeStockRun;
}

/** Compare-and-swap misses are re-read and resent this many times before an item counts as failed. */
export const MAX_STALE_ROUNDS = 3;
/** A batch that failed in transit is resent with the same idempotency key this many times. */
const MAX_SEND_ATTEMPTS = 3;

/** A shop that cannot have stock written until the merchant finishes setting it up. */
export class StockSyncNotReadyError extends PermanentJobError {}

/**
 * One stock run: records due fulfillments first, reads Onflow's stock, and writes the changed
 * sellable quantities into Shopify's on_hand at the Onflow location. Every run is recorded.
 * Throws after recording a run that failed as a whole; throws RetryLaterError, recording nothing,
 * while another run of the same shop is in progress.
 */
export async function runStockSync(shopDomain: string, options: StockSyncOptions): Promise<StockRunSummary> {
  const lease = await holdStockRunLease(shopDomain);
  try {
    const run = await startStockRun(shopDomain, options.trigger);
    try {
      const outcome = await syncStock(await readyShop(shopDomain), run.id, options);
      await finishStockRun(run.id, outcome);
      return { ...outcome, runId: run.id, shop: shopDomain, trigger: options.trigger };
    } catch (error) {
      await finishStockRun(run.id, { status: "failed", itemsRead: 0, itemsChanged: 0, itemsFailed: 0, unlinkedOasins: [], error: describeError(error) });
      throw error;
    }
  } finally {
    await lease.release();
  }
}

async function readyShop(domain: string) {
  const shop = await findShop(domain);
  if (!shop || shop.uninstalledAt) throw new StockSyncNotReadyError(`${domain} has not installed the app`);
  if (!shop.onflowTokenCipher) throw new StockSyncNotReadyError("Onflow is not connected yet (Settings → Onflow connection)");
  if (!shop.warehouseCode) throw new StockSyncNotReadyError("No Onflow warehouse is chosen yet (Settings → Warehouse)");
  if (!shop.locationId) throw new StockSyncNotReadyError("The Onflow location is not registered in Shopify yet; reconnect Onflow on the settings page");
  return { ...shop, warehouseCode: shop.warehouseCode, locationId: shop.locationId };
}

async function syncStock(shop: Shop & { warehouseCode: string; locationId: string }, runId: string, options: StockSyncOptions): Promise<StockRunOutcome> {
  await (options.beforeStockRun ?? beforeStockRun)(shop.domain);
  const onflow = options.onflow ?? onflowForShop(shop);
  const admin = options.shopify ?? (await shopifyAdmin(shop.domain));
  const memory = new OnHandMemory(admin, shop.domain, shop.locationId);

  const sellable = options.oasins
    ? restrictTo(sellableQuantities(await readOnflowStockOf(onflow, shop.warehouseCode, options.oasins), shop.warehouseCode), options.oasins)
    : sellableQuantities(await readOnflowStock(onflow, shop.warehouseCode), shop.warehouseCode);

  const links = await stockLinks(shop.domain, options.oasins);
  const { known, toVerify } = rememberedOnHand(links, new Date(), { verifyAll: Boolean(options.oasins) });
  const onHand = new Map<string, number | null>(known);
  const planFor = () => planStockWrites({ sellableByOasin: sellable, links, onHandByItem: onHand, absentMeansZero: !options.oasins });
  for (const [item, quantity] of await memory.read(toVerify)) onHand.set(item, quantity);
  let plan = planFor();
  if (plan.toRead.length > 0) {
    for (const [item, quantity] of await memory.read(plan.toRead)) onHand.set(item, quantity);
    plan = planFor();
  }

  const writer = new OnHandWriter(admin, shop.locationId, runId, memory);
  for (const [batchIndex, batch] of inBatches(plan.writes).entries()) await writer.write(batch, batchIndex);

  const notStocked = [...plan.notStocked, ...writer.notStocked];
  const itemsFailed = notStocked.length + writer.keptChanging.length;
  return {
    status: itemsFailed > 0 ? "partial" : "succeeded",
    itemsRead: sellable.size,
    itemsChanged: writer.changed,
    itemsFailed,
    unlinkedOasins: plan.unlinkedOasins,
    error: failureSummary(notStocked, writer.keptChanging),
  };
}

async function readOnflowStockOf(onflow: OnflowGateway, warehouseCode: string, oasins: readonly string[]) {
  const lines = await Promise.all(oasins.map((oasin) => readOnflowStock(onflow, warehouseCode, oasin)));
  return lines.flat();
}

/** Reads on_hand from Shopify and remembers what it read or wrote, so the next run can skip the read. */
class OnHandMemory {
  constructor(
    private readonly admin: ShopifyAdmin,
    private readonly shop: string,
    private readonly locationId: string,
  ) {}

  async read(inventoryItemIds: readonly string[]) {
    if (inventoryItemIds.length === 0) return new Map<string, number | null>();
    const onHand = await readOnHand(this.admin, this.locationId, inventoryItemIds);
    await this.remember(onHand);
    return onHand;
  }

  /** null forgets: the next run reads the item. */
  async remember(onHandByItem: ReadonlyMap<string, number | null>) {
    if (onHandByItem.size > 0) await rememberShopifyOnHand(this.shop, onHandByItem);
  }
}

class OnHandWriter {
  changed = 0;
  readonly keptChanging: string[] = [];
  readonly notStocked: string[] = [];

  constructor(
    private readonly admin: ShopifyAdmin,
    private readonly locationId: string,
    private readonly runId: string,
    private readonly memory: OnHandMemory,
  ) {}

  /**
   * Shopify refuses a whole batch for one stale or unstocked item, so stale items are re-read, unstocked
   * ones dropped, and the batch resent. A stale item is usually one whose remembered or assumed on_hand
   * was out of date (a fulfillment, a merchant's edit): the read corrects it.
   */
  async write(batch: PlannedWrite[], batchIndex: number) {
    let pending = batch;
    for (let round = 0; pending.length > 0; round++) {
      const outcome = await this.send(pending, idempotencyKeyFor(this.runId, batchIndex, round));
      if (outcome.applied) {
        this.changed += pending.length;
        await this.memory.remember(new Map(pending.map((write) => [write.inventoryItemId, write.quantity])));
        return;
      }
      const notStockedIds = new Set(outcome.notStockedItemIds);
      await this.drop(notStockedIds, this.notStocked);
      pending = pending.filter((write) => !notStockedIds.has(write.inventoryItemId));
      const named = outcome.staleItemIds.length > 0 || notStockedIds.size > 0;
      const staleIds = new Set(named ? outcome.staleItemIds : pending.map((write) => write.inventoryItemId));
      if (staleIds.size === 0) continue;
      if (round + 1 >= MAX_STALE_ROUNDS) {
        // Give up on these items for this run; the rest of the batch still goes out, under a new key.
        await this.drop(staleIds, this.keptChanging);
        pending = pending.filter((write) => !staleIds.has(write.inventoryItemId));
        continue;
      }
      const fresh = await this.memory.read([...staleIds]);
      pending = pending.flatMap((write) => {
        if (!staleIds.has(write.inventoryItemId)) return [write];
        const current = fresh.get(write.inventoryItemId);
        if (current === null || current === undefined) {
          this.notStocked.push(write.inventoryItemId);
          return [];
        }
        return current === write.quantity ? [] : [{ ...write, changeFromQuantity: current }];
      });
    }
  }

  private async drop(itemIds: ReadonlySet<string>, into: string[]) {
    into.push(...itemIds);
    await this.memory.remember(new Map([...itemIds].map((item) => [item, null])));
  }

  private async send(writes: PlannedWrite[], idempotencyKey: string) {
    const request = { locationId: this.locationId, referenceDocumentUri: `gid://onflow-connector/StockRun/${this.runId}`, idempotencyKey, writes };
    for (let attempt = 1; ; attempt++) {
      try {
        return await setOnHand(this.admin, request);
      } catch (error) {
        if (attempt >= MAX_SEND_ATTEMPTS || !isTransient(error)) throw error;
      }
    }
  }
}

/** Lost in transit or a Shopify 5xx: the same request (same key) may safely go again. */
function isTransient(error: unknown): boolean {
  return error instanceof TypeError || error instanceof HttpRequestError || error instanceof HttpRetriableError;
}

function failureSummary(notStocked: string[], keptChanging: string[]): string | null {
  const parts: string[] = [];
  if (notStocked.length) parts.push(`${notStocked.length} item(s) are not stocked at the Onflow location in Shopify (${sample(notStocked)})`);
  if (keptChanging.length) parts.push(`${keptChanging.length} item(s) kept changing in Shopify while being written (${sample(keptChanging)}); the next run retries them`);
  return parts.length ? parts.join("; ") : null;
}

function sample(ids: string[]): string {
  return ids.slice(0, 5).join(", ") + (ids.length > 5 ? ", …" : "");
}
