/**
 * The catalogue backfill: every existing variant, one Shopify page per job. The cursor is saved
 * after each page, so a restarted process continues where it stopped, and other work for the shop
 * (orders!) runs between pages instead of waiting for the whole catalogue.
 */
import { nudgeWorker } from "~/jobs/runtime.server";
import { z } from "zod";
import { describeError, PermanentJobError } from "~/jobs/errors";
import type { JobContext } from "~/jobs/job-context";
import { failBackfill, findBackfill, findOrStartBackfill, recordBackfillError, recordBackfillPage } from "~/models/catalogue-backfill.server";
import { enqueueJob } from "~/models/job.server";
import { readVariantPage } from "~/shopify/catalogue.server";
import { catalogueContext, type CatalogueContextOverrides } from "./catalogue-context.server";
import { syncVariant } from "./sync-variant.server";
import { repeatedSkus } from "./variant-eligibility";

export const CATALOGUE_BACKFILL_TOPIC = "INTERNAL_CATALOGUE_BACKFILL";

/** Within Shopify's 250 per page; each variant costs up to four Onflow calls at 10 per second. */
export const BACKFILL_PAGE_SIZE = 100;

/** Without a backfill id the job is a request: it joins the running backfill or starts one. */
const backfillPayloadSchema = z.looseObject({ backfillId: z.string().optional() });

function pageDeliveryId(backfillId: string, cursor: string | null) {
  return `catalogue-backfill:${backfillId}:${cursor ?? "start"}`;
}

/**
 * Starts a backfill for the shop, or joins the one already running: the settings page (first
 * connection) and the dashboard's "Sync catalogue" button both call this.
 */
export async function requestCatalogueBackfill(shop: string): Promise<{ backfillId: string; started: boolean }> {
  const { backfill, started } = await findOrStartBackfill(shop);
  await enqueueJob({
    shop,
    source: "internal",
    topic: CATALOGUE_BACKFILL_TOPIC,
    deliveryId: pageDeliveryId(backfill.id, backfill.cursor),
    payload: { backfillId: backfill.id },
  });
  nudgeWorker();
  return { backfillId: backfill.id, started };
}

export interface BackfillOptions extends CatalogueContextOverrides {
  pageSize?: number;
}

export function catalogueBackfillHandler(options: BackfillOptions = {}) {
  return async (job: JobContext) => {
    const parsed = backfillPayloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError("Catalogue backfill job with an unreadable backfill id");
    const context = await catalogueContext(job.shop, options);
    if (!context) throw new PermanentJobError("Connect Onflow and choose a warehouse before syncing the catalogue");
    const backfill = parsed.data.backfillId ? await findBackfill(parsed.data.backfillId) : (await findOrStartBackfill(job.shop)).backfill;
    if (!backfill || backfill.shop !== job.shop || backfill.status !== "running") return;

    try {
      const page = await readVariantPage(context.admin, backfill.cursor, options.pageSize ?? BACKFILL_PAGE_SIZE);
      const repeated = repeatedSkus(page.variants);
      const tally = { seen: page.variants.length, synced: 0, failed: 0 };
      for (const variant of page.variants) {
        const state = await syncVariant(context, variant, repeated);
        if (state === "active" || state === "assigned") tally.synced += 1;
        if (state === "failed" || state === "skipped") tally.failed += 1;
      }
      const moved = await recordBackfillPage(backfill.id, backfill.cursor, page.nextCursor, tally);
      if (moved && page.nextCursor !== null) {
        await enqueueJob({
          shop: job.shop,
          source: "internal",
          topic: CATALOGUE_BACKFILL_TOPIC,
          deliveryId: pageDeliveryId(backfill.id, page.nextCursor),
          payload: { backfillId: backfill.id },
        });
      }
    } catch (error) {
      // A page that will not be retried again ends the backfill, so the next request starts afresh.
      const lastTry = error instanceof PermanentJobError || job.attempt >= job.maxAttempts;
      await (lastTry ? failBackfill : recordBackfillError)(backfill.id, describeError(error));
      throw error;
    }
  };
}

export const handleCatalogueBackfill = catalogueBackfillHandler();
