export interface JobContext {
  id: string;
  shop: string;
  topic: string;
  source: string;
  attempt: number;
  maxAttempts: number;
  payload: unknown;
}

export type JobHandler = (job: JobContext) => Promise<void>;
