import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";

// Each test file gets its own SQLite database with the committed migrations applied, so files run
// in parallel without sharing rows, and the schema under test is exactly the one that ships.
const directory = mkdtempSync(path.join(tmpdir(), "onflow-test-"));
const databaseFile = path.join(directory, "test.sqlite");
const migrationsDir = path.resolve(process.cwd(), "prisma/migrations");
const database = new Database(databaseFile);
for (const migration of readdirSync(migrationsDir).filter((name) => !name.endsWith(".toml")).sort()) {
  database.exec(readFileSync(path.join(migrationsDir, migration, "migration.sql"), "utf8"));
}
database.close();

Object.assign(process.env, {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET_KEY,
  SHOPIFY_APP_URL: APP_URL,
  DATABASE_URL: `file:${databaseFile}`,
  ENCRYPTION_KEY: "4f".repeat(32),
  WORKER_ENABLED: "false",
  LOG_LEVEL: "error",
});
