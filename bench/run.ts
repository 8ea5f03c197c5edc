import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { benchIngest } from "./ingest";
import { benchOrderPipeline } from "./orders";
import { benchStockRun } from "./stock";

// `npm run bench [-- --quick]`: the production build against the emulators, as separate processes.
// Results go to bench/results/latest.{json,md}; nothing here asserts a time.

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const size = values.quick ? { webhooks: 500, standardOrders: 50, plusOrders: 100, skus: 1000 } : { webhooks: 5000, standardOrders: 300, plusOrders: 1000, skus: 10_000 };

const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
process.stdout.write(`Benchmarks (${values.quick ? "quick" : "full"}) on ${machine}\n`);

const ingest = await benchIngest(size.webhooks);
process.stdout.write(`ingest: ${JSON.stringify(ingest)}\n`);
const standardOrders = await benchOrderPipeline(size.standardOrders, "standard");
process.stdout.write(`orders (Shopify Standard): ${JSON.stringify(standardOrders)}\n`);
const orders = await benchOrderPipeline(size.plusOrders, "plus");
process.stdout.write(`orders (Shopify Plus): ${JSON.stringify(orders)}\n`);
const stock = await benchStockRun(size.skus);
process.stdout.write(`stock: ${JSON.stringify(stock)}\n`);

const results = { date: new Date().toISOString(), mode: values.quick ? "quick" : "full", machine, ingest, orders: [standardOrders, orders], stock };
const table = [
  `# Benchmarks (${results.mode}, ${results.date.slice(0, 10)}, ${machine})`,
  "",
  "| benchmark | measured | target |",
  "| --- | --- | --- |",
  `| webhook ingest, ${ingest.webhooks} signed at concurrency ${ingest.concurrency} | ${ingest.throughputPerSecond}/s, p50 ${ingest.p50Ms} ms, p99 ${ingest.p99Ms} ms; stored ${ingest.stored}, duplicates stored ${ingest.duplicatesStored} of ${ingest.duplicatesSent} sent, lost ${ingest.lost}, non-200 ${ingest.non200} | > 500/s, p99 < 50 ms, nothing lost |`,
  ...[standardOrders, orders].map(
    (run) =>
      `| order pipeline, ${run.orders} orders, Shopify ${run.plan} bucket (${run.shopifyRestoreRate} points/s) | drained in ${run.drainSeconds} s; Onflow ${run.onflowRequestsPerSecond} req/s = ${Math.round(run.fractionOfOnflowLimit * 100)}% of the limit; ${run.onflowRateLimited} × 429; ${run.shipmentsCreated} shipments | > 95% of 10 req/s, zero 429s |`,
  ),
  `| stock run, ${stock.skus} SKUs | ${stock.runSeconds} s vs floor ${stock.floorSeconds} s (${stock.ratioToFloor}×); ${stock.itemsRead} read, ${stock.itemsChanged} changed, ${stock.itemsFailed} failed; ${stock.shopifyThrottleEvents} Shopify throttle events | within 1.2× the floor |`,
  `| peak app memory | orders ${Math.max(standardOrders.appPeakMemoryMb, orders.appPeakMemoryMb)} MB, stock ${stock.appPeakMemoryMb} MB | < 300 MB |`,
  "",
].join("\n");
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/latest.json", `${JSON.stringify(results, null, 2)}\n`);
writeFileSync("bench/results/latest.md", table);
process.stdout.write(`\n${table}`);
