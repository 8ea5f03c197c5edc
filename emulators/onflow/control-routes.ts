/**
 * The control API (`/__control/...`, no Onflow token): what tests, the demo and the end-to-end
 * harness use to play the warehouse's part and to observe the emulator. Plain JSON, no envelope.
 */
import { z } from "zod";
import { SHIPMENT_STEPS } from "./merchant-account";
import type { EmulatorState } from "./emulator-state";
import { OnflowRefusal } from "./reply";

export const CONTROL_PREFIX = "/__control";

export interface ControlResult {
  status: number;
  body: unknown;
}

const tokenField = { token: z.string().optional() };
const stockLevel = z.string().default("A");

const schemas = {
  catalogue: z.object({
    ...tokenField,
    products: z.array(
      z.object({
        sku: z.string(),
        name: z.string(),
        warehouseCode: z.string(),
        quantity: z.number().int().nonnegative().default(0),
        priceVnd: z.number().optional(),
        brandId: z.number().optional(),
      }),
    ),
  }),
  advanceShipment: z.object({ ...tokenField, to: z.enum(SHIPMENT_STEPS as [string, ...string[]]).optional() }),
  receiveReturn: z.object({ ...tokenField, outcome: z.enum(["received", "received_with_problem"]).default("received") }),
  setStock: z.object({ ...tokenField, oasin: z.string(), warehouseCode: z.string(), quantity: z.number().int().nonnegative(), stockLevel }),
  completePurchaseOrder: z.object({
    ...tokenField,
    lines: z.array(z.object({ oasin: z.string(), quantity: z.number().int().nonnegative(), stockLevel, packageCode: z.string().optional() })).optional(),
  }),
  faults: z.object({
    errorRate: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().nonnegative().optional(),
    rateLimitBurst: z.number().int().nonnegative().optional(),
    dropConnections: z.number().int().nonnegative().optional(),
  }),
  rateLimit: z.object({ perSecond: z.number().positive() }),
  webhooks: z.object({ ...tokenField, urls: z.array(z.url()) }),
};

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parse<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new ControlError(400, parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return parsed.data;
}

export async function handleControl(state: EmulatorState, method: string, path: string, body: unknown): Promise<ControlResult> {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length) || "/"}`;
  const accountFor = (token: string | undefined) => {
    const chosen = token ?? state.settings.tokens[0];
    const account = state.accounts.get(chosen);
    if (!account) throw new ControlError(404, "Unknown token");
    return { token: chosen, account };
  };
  const ok = (result: unknown = { ok: true }): ControlResult => ({ status: 200, body: result });

  try {
    let match: RegExpExecArray | null;
    if (route === "POST /reset") {
      state.reset();
      return ok();
    }
    if (route === "POST /catalogue") {
      const input = parse(schemas.catalogue, body);
      const { account } = accountFor(input.token);
      const products = input.products.map((product) => {
        const { oasin } = account.createProduct({ sku: product.sku, name: product.name, product_type: "PHYSICAL", product_price: product.priceVnd, brand_id: product.brandId });
        account.assignProduct(oasin, product.warehouseCode);
        if (product.quantity > 0) account.setStock(oasin, product.warehouseCode, product.quantity);
        return { sku: product.sku, oasin };
      });
      return ok({ products });
    }
    if ((match = /^POST \/shipments\/([^/]+)\/advance$/.exec(route))) {
      const input = parse(schemas.advanceShipment, body);
      const shipment = accountFor(input.token).account.advanceShipment(decodeURIComponent(match[1]), input.to as (typeof SHIPMENT_STEPS)[number] | undefined, "vi");
      return ok({ shipment });
    }
    if ((match = /^POST \/returns\/([^/]+)\/receive$/.exec(route))) {
      const input = parse(schemas.receiveReturn, body);
      return ok({ return: accountFor(input.token).account.receiveReturn(decodeURIComponent(match[1]), input.outcome, "vi") });
    }
    if (route === "PUT /stock") {
      const input = parse(schemas.setStock, body);
      accountFor(input.token).account.setStock(input.oasin, input.warehouseCode, input.quantity, input.stockLevel);
      return ok();
    }
    if ((match = /^POST \/purchase-orders\/([^/]+)\/complete$/.exec(route))) {
      const input = parse(schemas.completePurchaseOrder, body);
      return ok({ purchaseOrder: accountFor(input.token).account.completePurchaseOrder(decodeURIComponent(match[1]), input.lines) });
    }
    if (route === "GET /faults") return ok(state.faults.settings);
    if (route === "PUT /faults") return ok(state.faults.update(parse(schemas.faults, body)));
    if (route === "DELETE /faults") {
      state.faults.clear();
      return ok(state.faults.settings);
    }
    if (route === "PUT /rate-limit") {
      state.setRateLimit(parse(schemas.rateLimit, body).perSecond);
      return ok({ perSecond: state.rateLimitPerSecond });
    }
    if (route === "GET /counters") return ok(state.counters);
    if (route === "GET /requests") return ok(state.requestLog);
    if (route === "DELETE /requests") {
      state.clearLog();
      return ok();
    }
    if (route === "PUT /webhooks") {
      const input = parse(schemas.webhooks, body);
      state.webhookTargets.set(accountFor(input.token).token, input.urls);
      return ok();
    }
    if (route === "GET /webhooks/deliveries") {
      await state.webhooks.settle();
      return ok(state.webhooks.deliveries);
    }
    throw new ControlError(404, `No control route ${route}`);
  } catch (error) {
    if (error instanceof ControlError) return { status: error.status, body: { error: error.message } };
    if (error instanceof OnflowRefusal) return { status: error.status, body: { error: error.messagesIn("en"), errorCode: error.code } };
    throw error;
  }
}
