import prisma from "~/db.server";

/**
 * Takes the named lease if it is free, expired or already ours. SQLite serialises writers, so the
 * conditional upsert below cannot hand the same live lease to two owners.
 */
export async function acquireLease(name: string, owner: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await prisma.lease.updateMany({
    where: { name, OR: [{ expiresAt: { lt: now } }, { owner }] },
    data: { owner, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await prisma.lease.create({ data: { name, owner, expiresAt } });
    return true;
  } catch {
    return false;
  }
}

export async function releaseLease(name: string, owner: string) {
  await prisma.lease.deleteMany({ where: { name, owner } });
}

export async function liveLeaseNames(prefix: string, now = new Date()) {
  const leases = await prisma.lease.findMany({
    where: { name: { startsWith: prefix }, expiresAt: { gte: now } },
    select: { name: true },
  });
  return leases.map((lease) => lease.name.slice(prefix.length));
}
