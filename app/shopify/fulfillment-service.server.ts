import type { ShopifyAdmin } from "./admin.server";
import { assertNoUserErrors, ShopifyGraphqlError } from "./admin.server";

export const FULFILLMENT_SERVICE_NAME = "Onflow";

// No callbackUrl: optional since 2026-01; stock and tracking are pushed through the Admin API.
const CREATE_FULFILLMENT_SERVICE = `#graphql
  mutation CreateOnflowFulfillmentService($name: String!) {
    fulfillmentServiceCreate(name: $name, inventoryManagement: true, trackingSupport: true) {
      fulfillmentService { id location { id } }
      userErrors { field message }
    }
  }
`;

interface CreateFulfillmentServiceData {
  fulfillmentServiceCreate: {
    fulfillmentService: { id: string; location: { id: string } | null } | null;
    userErrors: { field?: string[] | null; message: string }[];
  } | null;
}

/** Registers the app as the "Onflow" fulfillment service; Shopify creates its location. */
export async function createFulfillmentService(admin: ShopifyAdmin): Promise<{ fulfillmentServiceId: string; locationId: string }> {
  const data = await admin.graphql<CreateFulfillmentServiceData>(CREATE_FULFILLMENT_SERVICE, { name: FULFILLMENT_SERVICE_NAME });
  const payload = data.fulfillmentServiceCreate;
  assertNoUserErrors("fulfillmentServiceCreate", payload);
  const service = payload?.fulfillmentService;
  if (!service?.location) {
    throw new ShopifyGraphqlError("fulfillmentServiceCreate returned no fulfillment service location", []);
  }
  return { fulfillmentServiceId: service.id, locationId: service.location.id };
}
