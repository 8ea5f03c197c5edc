import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts so the Remix plugin never loads under vitest.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["test/**/*.test.ts", "app/**/*.test.ts"],
    setupFiles: ["test/setup/env.ts", "test/setup/fetch-stub.ts"],
    // Builds the app once (only when app/ changed) for the end-to-end and browser tests.
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
