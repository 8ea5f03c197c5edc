import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";

declare global {
  // Reused across Vite dev reloads so one process keeps one connection.
  var prismaGlobal: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite";
  // A second process (a restarted app, the CLI) may hold the write lock for a moment: wait, don't fail.
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  // WAL lets the worker read while webhooks are written, and NORMAL sync drops the fsync per
  // transaction (a power cut may lose the last commits, never corrupt the file). Both run on the
  // adapter's one connection before any other query queued behind them.
  void client
    .$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode = WAL")
    .then(([mode]) => {
      // The switch fails while another process holds the file open; readers would then block writers.
      if (mode?.journal_mode !== "wal") console.warn(`SQLite stayed in ${mode?.journal_mode} journal mode: close other connections and restart for WAL`);
      return client.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    });
  return client;
}

const prisma = globalThis.prismaGlobal ?? createClient();
if (process.env.NODE_ENV !== "production") globalThis.prismaGlobal = prisma;

export default prisma;
