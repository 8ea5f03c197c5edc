import { ensureAppBuilt } from "./app-build";

// Builds the app once before any end-to-end test starts, so no harness start pays for a build
// inside its own timeout. The harness still checks, for runs without this global setup.
export default async function buildAppForEndToEndTests(): Promise<void> {
  await ensureAppBuilt();
}
