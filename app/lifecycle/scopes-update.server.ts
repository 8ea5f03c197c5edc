import { z } from "zod";
import { PermanentJobError } from "~/jobs/errors";
import type { JobContext } from "~/jobs/job-context";
import { updateSessionScopes } from "~/models/session.server";

const scopesUpdatePayload = z.object({ current: z.array(z.string()) });

export async function handleScopesUpdate(job: JobContext) {
  const parsed = scopesUpdatePayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError(`Malformed app/scopes_update payload: ${parsed.error.issues[0]?.message}`);
  await updateSessionScopes(job.shop, parsed.data.current);
}
