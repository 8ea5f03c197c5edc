import { mkdirSync } from "node:fs";
import { API_KEY, API_SECRET_KEY, getJwt } from "@shopify/shopify-api/test-helpers";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { startOnflowEmulator, type RunningOnflowEmulator } from "../../emulators/onflow/server";
import { startShopifyStandin, type RunningShopifyStandin } from "../../emulators/shopify/server";
import { installShop } from "../factories/shop";
import { appBridgeStub } from "./app-bridge-stub";
import { privateBuild, startBuiltApp, type RunningApp } from "./built-app";

const STORE = "browser-shop";
const SHOP = `${STORE}.myshopify.com`;
const ONFLOW_TOKEN = "browser-onflow-token-5q8w";
const WAREHOUSE = "ONF_WH_HN_GL";

let onflow: RunningOnflowEmulator;
let shopify: RunningShopifyStandin;
let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const buildDir = await privateBuild();
  onflow = await startOnflowEmulator({ tokens: [ONFLOW_TOKEN] });
  shopify = await startShopifyStandin();
  shopify.addShop(SHOP, { accessToken: "shpat_browser" });
  await installShop(SHOP, "shpat_browser");
  // The app shares this test file's migrated database, so the seeded offline session is its own.
  app = await startBuiltApp(buildDir, {
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET_KEY,
    DATABASE_URL: process.env.DATABASE_URL!,
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY!,
    SHOPIFY_STANDIN_URL: shopify.url,
    LOG_LEVEL: "warn",
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const { token } = await getJwt(STORE, API_KEY, API_SECRET_KEY);
  // The Shopify library answers 410 to user agents isbot() flags, and "HeadlessChrome" is one.
  const probe = await browser.newPage();
  const userAgent = (await probe.evaluate(() => navigator.userAgent)).replace("HeadlessChrome", "Chrome");
  await probe.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, userAgent });
  page.setDefaultTimeout(20_000);
  await page.route("https://cdn.shopify.com/shopifycloud/app-bridge.js", (route) => route.fulfill({ contentType: "text/javascript", body: appBridgeStub(token) }));
  // Fonts and anything else from the CDN: unreachable here, and the page must not wait on them.
  await page.route(/^https:\/\/cdn\.shopify\.com\/(?!shopifycloud\/app-bridge\.js)/, (route) => route.fulfill({ status: 200, body: "" }));
  const host = Buffer.from(`${SHOP}/admin`).toString("base64url");
  await page.goto(`${app.url}/app/settings?embedded=1&shop=${SHOP}&host=${host}&id_token=${token}`);
}, 300_000);

/** Typing into server-rendered HTML before React hydrates is lost; React marks the nodes it owns. */
async function waitForHydration(target: Page) {
  await target.waitForFunction(() => {
    const input = document.querySelector("input");
    return input !== null && Object.keys(input).some((key) => key.startsWith("__reactFiber"));
  });
}

/** On failure, keep what the browser showed and what the app logged: a headless run has no other witness. */
async function withEvidence(name: string, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: `test-results/${name}-failure.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n--- page text:\n${await page.locator("body").innerText().catch(() => "")}\n--- app output:\n${app.output()}`, { cause: error });
  }
}

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await onflow?.close();
  await shopify?.close();
});

describe("settings page in a browser", () => {
  it("connects to Onflow, picks a warehouse and a brand from its lists, saves, and keeps them after a reload", () => withEvidence("settings", async () => {
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await waitForHydration(page);
    await page.getByLabel("Onflow access token").fill(ONFLOW_TOKEN);
    await page.getByLabel("Environment").selectOption("custom");
    await page.getByLabel("Custom base URL").fill(onflow.url);
    await page.getByRole("button", { name: "Test connection" }).click();
    await page.getByText(/Connected to Onflow: \d+ warehouses/).waitFor();

    await page.getByLabel("Warehouse").selectOption(WAREHOUSE);
    const brandOptions = await page.getByLabel("Brand").locator("option").allTextContents();
    const brandName = brandOptions[1]!;
    await page.getByLabel("Brand").selectOption({ label: brandName });
    await page.getByLabel("Stock pull interval (minutes)").fill("30");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.locator(".stub-toast", { hasText: "Settings saved." }).waitFor();

    await page.reload();
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await waitForHydration(page);
    await expect.poll(() => page.getByLabel("Warehouse").inputValue()).toBe(WAREHOUSE);
    expect(await page.getByLabel("Brand").locator("option:checked").textContent()).toBe(brandName);
    expect(await page.getByLabel("Stock pull interval (minutes)").inputValue()).toBe("30");
    expect(await page.getByLabel("Onflow access token").inputValue()).toBe("");
    await page.getByText(`Saved token ends in •••• ${ONFLOW_TOKEN.slice(-4)}`).waitFor();
    expect(await page.content()).not.toContain(ONFLOW_TOKEN);

    const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    expect(shop).toMatchObject({ warehouseCode: WAREHOUSE, brandName, stockIntervalMinutes: 30 });
    expect(shop.locationId).not.toBeNull();

    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/settings.png", fullPage: true });
  }), 90_000);

  it("shows the dashboard with the saved connection", () =>
    withEvidence("dashboard", async () => {
      await page.getByRole("link", { name: "Dashboard" }).or(page.getByRole("button", { name: "Dashboard" })).first().click();
      await page.getByRole("heading", { name: "Onflow connection" }).waitFor();
      await page.getByText("Warehouse: Kho Gia Lâm").waitFor();
      await page.getByText("Nothing needs your attention").waitFor();
      await page.screenshot({ path: "test-results/dashboard.png", fullPage: true });
      await page.goBack();
      await page.getByRole("heading", { name: "Settings" }).waitFor();
    }), 60_000);

  it("labels every form control and reaches each one by keyboard", async () => {
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("input, select, textarea, button")]
        .filter((element) => element.getClientRects().length > 0 || (element instanceof HTMLInputElement && element.type === "checkbox"))
        .filter((element) => !element.closest("[hidden], ui-save-bar"))
        .map((element, index) => {
          element.dataset.controlIndex = String(index);
          const labelled =
            (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement
              ? (element.labels?.length ?? 0) > 0
              : (element.textContent ?? "").trim().length > 0) ||
            Boolean(element.getAttribute("aria-label")) ||
            Boolean(element.getAttribute("aria-labelledby"));
          return { index: String(index), labelled, description: element.outerHTML.slice(0, 120), disabled: (element as HTMLButtonElement).disabled };
        }),
    );
    expect(controls.filter((control) => !control.labelled)).toEqual([]);

    await page.locator("body").click({ position: { x: 1, y: 1 } });
    const reached = new Set<string>();
    for (let press = 0; press < controls.length * 2 + 5; press++) {
      await page.keyboard.press("Tab");
      const index = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.controlIndex ?? null);
      if (index !== null) reached.add(index);
    }
    const unreachable = controls.filter((control) => !control.disabled && !reached.has(control.index)).map((control) => control.description);
    expect(unreachable).toEqual([]);
  });
});
