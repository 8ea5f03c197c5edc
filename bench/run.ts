import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { benchIngest } from "./ingest";
import { benchOrderPipeline } from "./orders";
import { benchStockRun } from "./stock";

// `npm run bench [-- --quick]`: the production build against the emulators, as separate processes.
// Results go to bench/results/latest.{json,md}; nothing here asserts a time.

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const size = values.quick ? { webhooks: 500, orders: 50, skus: 1000 } : { webhooks: 5000, orders: 1000, skus: 10_000 };

const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
process.stdout.write(`Benchmarks (${values.quick ? "quick" : "full"}) on ${machine}\n`);

const ingest = await benchIngest(size.webhooks);
process.stdout.write(`ingest: ${JSON.stringify(ingest)}\n`);
const orders = await benchOrderPipeline(size.orders);
process.stdout.write(`orders: ${JSON.stringify(orders)}\n`);
const stock = await benchStockRun(size.skus);
process.stdout.write(`stock: ${JSON.stringify(stock)}\n`);

const results = { date: new Date().toISOString(), mode: values.quick ? "quick" : "full", machine, ingest, orders, stock };
const table = [
  `# Benchmarks (${results.mode}, ${results.date.slice(0, 10)}, ${machine})`,
  "",
  "| benchmark | measured | target |",
  "| --- | --- | --- |",
  `| webhook ingest, ${ingest.webhooks} signed at concurrency ${ingest.concurrency} | ${ingest.throughputPerSecond}/s, p50 ${ingest.p50Ms} ms, p99 ${ingest.p99Ms} ms; stored ${ingest.stored}, duplicates stored ${ingest.duplicatesStored} of ${ingest.duplicatesSent} sent, lost ${ingest.lost}, non-200 ${ingest.non200} | > 500/s, p99 < 50 ms, nothing lost |`,
  `| order pipeline, ${orders.orders} orders | drained in ${orders.drainSeconds} s; Onflow ${orders.onflowRequestsPerSecond} req/s = ${Math.round(orders.fractionOfOnflowLimit * 100)}% of the limit; ${orders.onflowRateLimited} × 429; ${orders.shipmentsCreated} shipments | > 95% of 10 req/s, zero 429s |`,
  `| stock run, ${stock.skus} SKUs | ${stock.runSeconds} s vs floor ${stock.floorSeconds} s (${stock.ratioToFloor}×); ${stock.shopifyThrottleEvents} Shopify throttle events; ${stock.itemsFailed} failed | within 1.2× the floor |`,
  `| peak app memory | orders ${orders.appPeakMemoryMb} MB, stock ${stock.appPeakMemoryMb} MB | < 300 MB |`,
  "",
].join("\n");
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/latest.json", `${JSON.stringify(results, null, 2)}\n`);
writeFileSync("bench/results/latest.md", table);
process.stdout.write(`\n${table}`);
