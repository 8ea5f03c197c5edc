import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { type ShouldRevalidateFunction, useFetcher, useLoaderData } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useCallback, useEffect, useMemo, useState } from "react";
import { DEFAULT_SHIPMENT_PLATFORM } from "~/onflow/config";
import { type FieldErrors, parseConnection, parseSettings, STOCK_INTERVAL_MINUTES } from "~/settings/settings-schema";
import { loadSettingsPage, rotateWebhookUrl, saveSettings, testOnflowConnection } from "~/settings/settings.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return loadSettingsPage(session.shop);
};

type FormValues = Awaited<ReturnType<typeof loader>>["values"] & { token: string };
type Choice = { label: string; value: string };

/** The submitted values, minus the token, so a failed save can be shown again as typed. */
function echoWithoutToken(form: Record<string, FormDataEntryValue>) {
  const { token: _token, intent: _intent, ...rest } = form;
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, String(value)]));
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(await request.formData());
  const values = echoWithoutToken(form);

  if (form.intent === "rotate") {
    return { intent: "rotate" as const, ok: true as const, webhookUrl: await rotateWebhookUrl(session.shop) };
  }
  if (form.intent === "test") {
    const parsed = parseConnection(form);
    if (!parsed.success) return { intent: "test" as const, ok: false as const, message: "Fix the highlighted fields first.", fieldErrors: parsed.errors, values };
    const result = await testOnflowConnection(session.shop, parsed.data);
    if (!result.ok) {
      return { intent: "test" as const, ok: false as const, message: result.message, fieldErrors: result.field ? { [result.field]: result.message } : {}, values };
    }
    return { intent: "test" as const, ...result };
  }

  const parsed = parseSettings(form);
  if (!parsed.success) return { intent: "save" as const, ok: false as const, fieldErrors: parsed.errors, formError: null, values };
  const result = await saveSettings(session.shop, parsed.data);
  return result.ok ? { intent: "save" as const, ...result } : { intent: "save" as const, ...result, values };
};

type ActionData = Awaited<ReturnType<typeof action>>;

// A connection test changes nothing stored; reloading would only spend the account's Onflow rate budget.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "test" ? false : defaultShouldRevalidate;

function toFormData(values: FormValues, intent: string) {
  const data = new FormData();
  data.set("intent", intent);
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "boolean") {
      if (value) data.set(key, "on");
    } else {
      data.set(key, value);
    }
  }
  return data;
}

/** Onflow's list, plus the saved choice when the list could not be fetched, so it never vanishes. */
function withSaved(options: Choice[], saved: string, savedLabel: string | null): Choice[] {
  if (!saved || options.some((option) => option.value === saved)) return options;
  return [{ label: savedLabel ?? saved, value: saved }, ...options];
}

function environmentOptions(productionAvailable: boolean) {
  return [
    productionAvailable ? { label: "Production", value: "production" } : { label: "Production (not set up on this server yet)", value: "production", disabled: true },
    { label: "Staging (open-api-dev.nandh.vn)", value: "staging" },
    { label: "Custom base URL", value: "custom" },
  ];
}

export default function Settings() {
  const page = useLoaderData<typeof loader>();
  const shopify = useAppBridge();
  const saver = useFetcher<ActionData>({ key: "settings-save" });
  const tester = useFetcher<ActionData>({ key: "settings-test" });
  const rotator = useFetcher<ActionData>({ key: "settings-rotate" });

  // Keyed on content, not identity: the revalidation after a failed save must not wipe what was typed.
  const savedKey = JSON.stringify([page.values, page.tokenLast4]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const savedValues = useMemo<FormValues>(() => ({ ...page.values, token: "" }), [savedKey]);
  const [values, setValues] = useState<FormValues>(savedValues);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  // A successful save changes what is stored: start again from it.
  useEffect(() => setValues(savedValues), [savedValues]);

  const dirty = JSON.stringify(values) !== JSON.stringify(savedValues);
  const saving = saver.state !== "idle";
  const testing = tester.state !== "idle";
  const saveResult = saver.data?.intent === "save" ? saver.data : undefined;
  const testResult = tester.data?.intent === "test" ? tester.data : undefined;
  const webhookUrl = rotator.data?.intent === "rotate" ? rotator.data.webhookUrl : page.webhookUrl;

  const serverErrors: FieldErrors = {
    ...(testResult && !testResult.ok ? testResult.fieldErrors : {}),
    ...(saveResult && !saveResult.ok ? saveResult.fieldErrors : {}),
  };
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };

  useEffect(() => {
    if (saveResult?.ok) shopify.toast.show(saveResult.notices.join(" "));
  }, [saveResult, shopify]);
  useEffect(() => {
    if (testResult?.ok) shopify.toast.show("Connected to Onflow");
  }, [testResult, shopify]);
  useEffect(() => {
    if (rotator.data?.intent === "rotate") shopify.toast.show("New webhook URL created: paste it into Onflow OMS");
  }, [rotator.data, shopify]);

  const warehouses = testResult?.ok ? testResult.warehouses : page.choices.warehouses;
  const brands = testResult?.ok ? testResult.brands : page.choices.brands;
  const warehouseOptions = withSaved(
    warehouses.map((warehouse) => ({ label: warehouse.name ? `${warehouse.name} (${warehouse.code})` : warehouse.code, value: warehouse.code })),
    savedValues.warehouseCode,
    page.warehouseName,
  );
  const brandOptions = withSaved(
    brands.map((brand) => ({ label: brand.name, value: String(brand.id) })),
    savedValues.brandId,
    page.brandName,
  );

  const set = useCallback(
    <Field extends keyof FormValues>(field: Field) =>
      (value: FormValues[Field]) => {
        setValues((current) => ({ ...current, [field]: value }));
        setClientErrors((current) => ({ ...current, [field]: undefined }));
      },
    [],
  );

  function save() {
    const parsed = parseSettings(values);
    setClientErrors(parsed.success ? {} : parsed.errors);
    if (parsed.success) saver.submit(toFormData(values, "save"), { method: "post" });
  }

  function testConnection() {
    const parsed = parseConnection(values);
    setClientErrors(parsed.success ? {} : parsed.errors);
    if (parsed.success) tester.submit(toFormData(values, "test"), { method: "post" });
  }

  async function copyWebhookUrl() {
    try {
      await navigator.clipboard.writeText(webhookUrl);
      shopify.toast.show("Webhook URL copied");
    } catch {
      shopify.toast.show("Copy failed: select the URL and copy it by hand", { isError: true });
    }
  }

  const formError = saveResult && !saveResult.ok ? saveResult.formError : null;

  return (
    <Page
      title="Settings"
      titleMetadata={page.connected ? <Badge tone="success">Connected</Badge> : <Badge tone="attention">Not connected</Badge>}
      backAction={{ content: "Dashboard", url: "/app" }}
      primaryAction={{ content: "Save", onAction: save, loading: saving }}>
      <SaveBar id="settings-save-bar" open={dirty}>
        <button variant="primary" onClick={save} disabled={saving}>
          Save
        </button>
        <button onClick={() => setValues(savedValues)}>Discard</button>
      </SaveBar>
      <BlockStack gap="500">
        {formError && (
          <Banner tone="critical" title="Settings were not saved">
            <p>{formError}</p>
          </Banner>
        )}
        {saveResult?.ok && saveResult.warnings.length > 0 && (
          <Banner tone="warning" title="Saved, with something left to do">
            {saveResult.warnings.map((warning) => (
              <p key={warning}>{warning}</p>
            ))}
          </Banner>
        )}
        {page.choices.problem && !testResult && (
          <Banner tone="warning" title="Could not load your Onflow warehouses and brands">
            <p>{page.choices.problem}</p>
          </Banner>
        )}
        <Layout>
          <Layout.AnnotatedSection
            title="Onflow connection"
            description="Paste the access token from Onflow OMS → Settings → Developer Tools, then test the connection."
          >
            <Card>
              <FormLayout>
                <TextField
                  label="Onflow access token"
                  type="password"
                  name="token"
                  autoComplete="off"
                  value={values.token}
                  onChange={set("token")}
                  placeholder={page.tokenLast4 ? `•••• ${page.tokenLast4}` : undefined}
                  helpText={page.tokenLast4 ? `Saved token ends in •••• ${page.tokenLast4}. Leave empty to keep it.` : "Not connected yet."}
                  error={errors.token}
                />
                <Select label="Environment" name="environment" options={environmentOptions(page.productionAvailable)} value={values.environment} onChange={set("environment")} error={errors.environment} />
                {values.environment === "custom" && (
                  <TextField
                    label="Custom base URL"
                    name="customBaseUrl"
                    type="url"
                    autoComplete="off"
                    value={values.customBaseUrl}
                    onChange={set("customBaseUrl")}
                    helpText="For example your Onflow emulator during a trial."
                    error={errors.customBaseUrl}
                  />
                )}
                <InlineStack gap="300" blockAlign="center">
                  <Button onClick={testConnection} loading={testing}>
                    Test connection
                  </Button>
                  {testResult && (
                    <div role="status">
                      <Text as="span" tone={testResult.ok ? "success" : "critical"}>
                        {testResult.message}
                      </Text>
                    </div>
                  )}
                </InlineStack>
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection title="Warehouse and brand" description="Chosen from your Onflow account's own lists. Test the connection to load them.">
            <Card>
              <FormLayout>
                <Select
                  label="Warehouse"
                  name="warehouseCode"
                  options={[{ label: warehouseOptions.length ? "Choose a warehouse" : "Test the connection to load warehouses", value: "" }, ...warehouseOptions]}
                  value={values.warehouseCode}
                  onChange={set("warehouseCode")}
                  error={errors.warehouseCode}
                />
                <Select
                  label="Brand"
                  name="brandId"
                  options={[{ label: brandOptions.length ? "No brand" : "Test the connection to load brands", value: "" }, ...brandOptions]}
                  value={values.brandId}
                  onChange={set("brandId")}
                  error={errors.brandId}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection title="Orders" description="How Shopify orders reach Onflow and how customers hear about them.">
            <Card>
              <FormLayout>
                <Checkbox
                  label="Send orders to Onflow automatically"
                  helpText="When off, request fulfillment from the Shopify order page yourself."
                  checked={values.autoSendOrders}
                  onChange={set("autoSendOrders")}
                />
                <TextField
                  label="Onflow platform value"
                  name="platform"
                  autoComplete="off"
                  value={values.platform}
                  onChange={set("platform")}
                  helpText={`The "platform" Onflow records for these orders. Default: ${DEFAULT_SHIPMENT_PLATFORM}.`}
                  error={errors.platform}
                />
                <Checkbox label="Notify the customer when the order ships" checked={values.notifyCustomer} onChange={set("notifyCustomer")} />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection title="Stock" description="How often Onflow's stock is pulled into Shopify, besides Onflow's own stock webhooks.">
            <Card>
              <TextField
                label="Stock pull interval (minutes)"
                name="stockIntervalMinutes"
                type="number"
                min={STOCK_INTERVAL_MINUTES.min}
                max={STOCK_INTERVAL_MINUTES.max}
                autoComplete="off"
                value={values.stockIntervalMinutes}
                onChange={set("stockIntervalMinutes")}
                helpText={`Between ${STOCK_INTERVAL_MINUTES.min} minutes and 24 hours (${STOCK_INTERVAL_MINUTES.max} minutes).`}
                error={errors.stockIntervalMinutes}
              />
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection title="Onflow webhooks" description="Onflow sends shipment and stock updates to this address, unique to your shop.">
            <Card>
              <BlockStack gap="300">
                <TextField
                  label="Your Onflow webhook URL"
                  value={webhookUrl}
                  readOnly
                  autoComplete="off"
                  helpText="Paste it in Onflow OMS → Settings → Developer Tools → Webhook URL."
                  connectedRight={<Button onClick={copyWebhookUrl}>Copy</Button>}
                />
                <InlineStack gap="200" blockAlign="center">
                  <Button tone="critical" variant="plain" loading={rotator.state !== "idle"} onClick={() => rotator.submit({ intent: "rotate" }, { method: "post" })}>
                    Rotate webhook URL
                  </Button>
                  <Text as="span" tone="subdued">
                    The old URL stops working at once: paste the new one in Onflow OMS.
                  </Text>
                </InlineStack>
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
        </Layout>
      </BlockStack>
    </Page>
  );
}
