import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Divider,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  ProgressBar,
  SkeletonBodyText,
  Text,
} from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { type ExceptionItem, loadDashboard, retryException } from "~/dashboard/dashboard.server";
import { requestCatalogueBackfill } from "~/sync/catalogue/backfill.server";
import { requestStockSync } from "~/sync/stock/request-stock-sync.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return loadDashboard(session.shop);
};

const dashboardAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry"), kind: z.enum(["job", "handoff"]), id: z.string().min(1) }),
  z.object({ intent: z.literal("syncCatalogue") }),
  z.object({ intent: z.literal("syncStock") }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = dashboardAction.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false, message: "That action is not available." };
  switch (parsed.data.intent) {
    case "retry": {
      const retried = await retryException(session.shop, { kind: parsed.data.kind, id: parsed.data.id });
      return retried ? { ok: true, message: "Retry queued" } : { ok: false, message: "This item was already retried or no longer exists." };
    }
    case "syncCatalogue":
      await requestCatalogueBackfill(session.shop);
      return { ok: true, message: "Catalogue sync queued" };
    case "syncStock":
      return (await requestStockSync(session.shop)) ? { ok: true, message: "Stock sync queued" } : { ok: true, message: "A stock sync is already queued" };
  }
};

type Dashboard = Awaited<ReturnType<typeof loader>>;

function formatWhen(iso: string | null) {
  return iso ? new Date(iso).toLocaleString() : "—";
}

function ActionButton({ intent, children, extra = {} }: { intent: string; children: string; extra?: Record<string, string> }) {
  const fetcher = useFetcher<{ ok: boolean; message: string }>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) shopify.toast.show(fetcher.data.message, { isError: !fetcher.data.ok });
  }, [fetcher.state, fetcher.data, shopify]);
  return (
    <Button loading={fetcher.state !== "idle"} onClick={() => fetcher.submit({ intent, ...extra }, { method: "post" })}>
      {children}
    </Button>
  );
}

function Tile({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

function ConnectionCard({ connection }: { connection: Dashboard["connection"] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Onflow connection
          </Text>
          {connection.connected ? <Badge tone="success">Connected</Badge> : <Badge tone="attention">Not connected</Badge>}
        </InlineStack>
        <Text as="p">Warehouse: {connection.warehouse ? (connection.warehouse.name ?? connection.warehouse.code) : "not chosen"}</Text>
        <Text as="p">Brand: {connection.brand ? (connection.brand.name ?? String(connection.brand.id)) : "not chosen"}</Text>
        {connection.connected && !connection.locationRegistered && (
          <Text as="p" tone="caution">
            Onflow is not yet a fulfillment location in Shopify: save the settings again.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

function Checklist({ steps }: { steps: Dashboard["checklist"] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Get started
        </Text>
        {steps.map((step, index) => (
          <InlineStack key={step.key} gap="200" blockAlign="center">
            {step.done ? <Badge tone="success">Done</Badge> : <Badge>{`Step ${index + 1}`}</Badge>}
            <Text as="span">{step.label}</Text>
          </InlineStack>
        ))}
        <InlineStack gap="200">
          <Button url="/app/settings">Open settings</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

function Tiles({ view }: { view: Dashboard }) {
  const shipmentStates = Object.entries(view.shipments);
  const backfill = view.backfill;
  const backfillDone = backfill ? backfill.variantsSynced + backfill.variantsFailed : 0;
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
      <Tile title="Products">
        <Text as="p" variant="headingLg">
          {view.products.synced} synced
        </Text>
        <Text as="p" tone={view.products.failing ? "critical" : "subdued"}>
          {view.products.failing} failing, {view.products.skipped} skipped
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          New products and variants reach Onflow on their own. Later title or price edits stay in Shopify: Onflow has no way to update a product.
        </Text>
      </Tile>
      <Tile title="Shipments">
        {shipmentStates.length === 0 ? (
          <Text as="p" tone="subdued">
            No orders sent to Onflow yet.
          </Text>
        ) : (
          shipmentStates.map(([state, count]) => <Text as="p" key={state}>{`${state.replace(/_/g, " ")}: ${count}`}</Text>)
        )}
      </Tile>
      <Tile title="Last stock sync">
        {view.stockRun ? (
          <>
            <Text as="p">{formatWhen(view.stockRun.finishedAt ?? view.stockRun.startedAt)}</Text>
            <Text as="p" tone={view.stockRun.itemsFailed ? "critical" : "subdued"}>
              {`${view.stockRun.status}: ${view.stockRun.itemsChanged} changed of ${view.stockRun.itemsRead}`}
            </Text>
          </>
        ) : (
          <Text as="p" tone="subdued">
            Not run yet.
          </Text>
        )}
        <ActionButton intent="syncStock">Sync stock now</ActionButton>
      </Tile>
      <Tile title="Catalogue sync">
        {backfill ? (
          <>
            <Text as="p">{`${backfill.status}: ${backfill.variantsSynced} synced, ${backfill.variantsFailed} failed of ${backfill.variantsSeen} seen`}</Text>
            {backfill.variantsSeen > 0 && <ProgressBar progress={Math.round((backfillDone / backfill.variantsSeen) * 100)} size="small" />}
          </>
        ) : (
          <Text as="p" tone="subdued">
            Not started.
          </Text>
        )}
        <ActionButton intent="syncCatalogue">Sync catalogue</ActionButton>
      </Tile>
    </InlineGrid>
  );
}

function Exceptions({ items }: { items: ExceptionItem[] }) {
  if (items.length === 0) {
    return (
      <Card>
        <Box paddingBlock="600">
          <BlockStack gap="200" inlineAlign="center">
            <Text as="h3" variant="headingSm">
              Nothing needs your attention
            </Text>
            <Text as="p" tone="subdued" alignment="center">
              Orders and products that Onflow could not take appear here with the reason and a Retry button.
            </Text>
          </BlockStack>
        </Box>
      </Card>
    );
  }
  return (
    <Card padding="0">
      <ul aria-label="Exceptions" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {items.map((item, index) => (
          <li key={item.key}>
            {index > 0 && <Divider />}
            <Box padding="400">
              <InlineStack align="space-between" blockAlign="center" wrap={false} gap="400">
                <BlockStack gap="100">
                  <Text as="h3" variant="bodyMd" fontWeight="semibold">
                    {item.title}
                  </Text>
                  <Text as="p" tone="critical">
                    {item.reason}
                  </Text>
                  <Text as="p" tone="subdued" variant="bodySm">
                    {formatWhen(item.at)}
                  </Text>
                </BlockStack>
                {item.retry && (
                  <ActionButton intent="retry" extra={item.retry}>
                    Retry
                  </ActionButton>
                )}
              </InlineStack>
            </Box>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default function Dashboard() {
  const view = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const checklistDone = view.checklist.every((step) => step.done);
  return (
    <Page title="Onflow Connector" primaryAction={{ content: "Settings", url: "/app/settings" }}>
      <BlockStack gap="500">
        {!view.connection.connected && (
          <Banner tone="info" title="Connect your Onflow account">
            <p>Paste your Onflow access token in Settings to start sending orders to the warehouse.</p>
          </Banner>
        )}
        <Layout>
          <Layout.Section>
            {navigation.state === "loading" ? (
              <Card>
                <SkeletonBodyText lines={6} />
              </Card>
            ) : (
              <BlockStack gap="400">
                <ConnectionCard connection={view.connection} />
                {!checklistDone && <Checklist steps={view.checklist} />}
                <Tiles view={view} />
                <Text as="h2" variant="headingMd">
                  Exceptions
                </Text>
                <Exceptions items={view.exceptions} />
              </BlockStack>
            )}
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
