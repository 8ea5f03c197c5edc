import { Prisma } from "@prisma/client";
import prisma from "~/db.server";

export type JobSource = "shopify" | "onflow" | "internal";

/** pending → running → done | retrying → … → dead; unhandled and cancelled are terminal too. */
export type JobStatus = "pending" | "running" | "retrying" | "done" | "dead" | "unhandled" | "cancelled";

export interface NewJob {
  shop: string;
  source: JobSource;
  topic: string;
  deliveryId?: string | null;
  eventId?: string | null;
  triggeredAt?: Date | null;
  payload: unknown;
  maxAttempts?: number;
  runAt?: Date;
  status?: JobStatus;
  lastError?: string;
}

/** Stores a job once per (source, deliveryId); returns false for a duplicate delivery. */
export async function enqueueJob(job: NewJob): Promise<boolean> {
  try {
    await prisma.job.create({
      data: {
        shop: job.shop,
        source: job.source,
        topic: job.topic,
        deliveryId: job.deliveryId ?? null,
        eventId: job.eventId ?? null,
        triggeredAt: job.triggeredAt ?? null,
        payload: JSON.stringify(job.payload ?? null),
        maxAttempts: job.maxAttempts,
        runAt: job.runAt,
        status: job.status,
        lastError: job.lastError,
        finishedAt: job.status === "dead" ? new Date() : undefined,
      },
    });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

const CLAIMABLE: JobStatus[] = ["pending", "retrying"];

export async function nextClaimableJobs(now: Date, excludeShops: string[], limit: number) {
  return prisma.job.findMany({
    where: {
      OR: [
        { status: { in: CLAIMABLE }, runAt: { lte: now } },
        // A worker that died mid-job leaves it running with a lease that runs out.
        { status: "running", leaseUntil: { lt: now } },
      ],
      shop: { notIn: excludeShops },
    },
    orderBy: [{ runAt: "asc" }, { createdAt: "asc" }],
    take: limit,
    select: { id: true, shop: true },
  });
}

/** Conditional update: only one process can move a given row into running. */
export async function claimJob(id: string, owner: string, now: Date, leaseMs: number) {
  const claimed = await prisma.job.updateMany({
    where: {
      id,
      OR: [
        { status: { in: CLAIMABLE }, runAt: { lte: now } },
        { status: "running", leaseUntil: { lt: now } },
      ],
    },
    data: {
      status: "running",
      leaseOwner: owner,
      leaseUntil: new Date(now.getTime() + leaseMs),
      attempts: { increment: 1 },
    },
  });
  if (claimed.count === 0) return null;
  return prisma.job.findUnique({ where: { id } });
}

/** Heartbeat for a long job: keeps its lease while the owner is alive. */
export async function renewJobLease(id: string, owner: string, leaseUntil: Date) {
  await prisma.job.updateMany({ where: { id, leaseOwner: owner, status: "running" }, data: { leaseUntil } });
}

export async function finishJob(id: string, owner: string, status: JobStatus, lastError: string | null = null) {
  await prisma.job.updateMany({
    where: { id, leaseOwner: owner },
    data: { status, lastError, leaseOwner: null, leaseUntil: null, finishedAt: new Date() },
  });
}

export async function scheduleRetry(id: string, owner: string, runAt: Date, lastError: string) {
  await prisma.job.updateMany({
    where: { id, leaseOwner: owner },
    data: { status: "retrying", runAt, lastError, leaseOwner: null, leaseUntil: null },
  });
}

export async function cancelPendingJobs(shop: string, keepTopics: string[]) {
  const result = await prisma.job.updateMany({
    where: { shop, status: { in: ["pending", "retrying"] }, topic: { notIn: keepTopics } },
    data: { status: "cancelled", finishedAt: new Date(), lastError: "The app was uninstalled" },
  });
  return result.count;
}

/** A merchant's Retry: the job gets a fresh attempt budget. */
export async function retryJob(shop: string, id: string) {
  const result = await prisma.job.updateMany({
    where: { id, shop, status: { in: ["dead", "unhandled"] } },
    data: { status: "pending", attempts: 0, runAt: new Date(), lastError: null, finishedAt: null },
  });
  return result.count === 1;
}

export async function deadJobs(shop: string, take = 50) {
  return prisma.job.findMany({
    where: { shop, status: { in: ["dead", "unhandled"] } },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, topic: true, source: true, attempts: true, lastError: true, updatedAt: true, createdAt: true },
  });
}

export async function replaceJobPayload(id: string, payload: unknown) {
  await prisma.job.update({ where: { id }, data: { payload: JSON.stringify(payload) } });
}
