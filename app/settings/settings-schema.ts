import { z } from "zod";

export const ONFLOW_ENVIRONMENTS = ["production", "staging", "custom"] as const;
export const STOCK_INTERVAL_MINUTES = { min: 5, max: 24 * 60, default: 15 } as const;

/** HTML checkboxes send "on" when ticked and nothing at all when not. */
const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const settingsFields = z.object({
  token: optionalText,
  environment: z.enum(ONFLOW_ENVIRONMENTS, "Choose production, staging or a custom base URL"),
  customBaseUrl: optionalText,
  warehouseCode: optionalText,
  brandId: optionalText.pipe(z.string().regex(/^\d+$/, "Choose a brand from the list").transform(Number).optional()),
  autoSendOrders: checkbox,
  platform: z
    .string()
    .trim()
    .min(1, "Enter the platform value Onflow expects, for example retail")
    .max(32, "At most 32 characters")
    .regex(/^[a-z0-9_-]+$/i, "Letters, digits, - and _ only"),
  notifyCustomer: checkbox,
  stockIntervalMinutes: z.coerce
    .number("Enter a number of minutes")
    .int("Enter whole minutes")
    .min(STOCK_INTERVAL_MINUTES.min, `At least ${STOCK_INTERVAL_MINUTES.min} minutes`)
    .max(STOCK_INTERVAL_MINUTES.max, `At most ${STOCK_INTERVAL_MINUTES.max} minutes (24 hours)`),
});

function requireCustomBaseUrl(settings: { environment: string; customBaseUrl?: string }, context: z.RefinementCtx) {
  if (settings.environment !== "custom") return;
  if (!z.url({ protocol: /^https?$/ }).safeParse(settings.customBaseUrl).success) {
    context.addIssue({ code: "custom", path: ["customBaseUrl"], message: "Enter the full base URL, for example https://onflow.example.com" });
  }
}

/**
 * The settings form, shared by the page (to show errors before a round trip) and the action
 * (which trusts nothing else). An empty token means "keep the saved one".
 */
export const settingsSchema = settingsFields.superRefine(requireCustomBaseUrl);

/** Test connection needs only where Onflow is and the token. */
export const connectionSchema = settingsFields.pick({ token: true, environment: true, customBaseUrl: true }).superRefine(requireCustomBaseUrl);

export type SettingsInput = z.output<typeof settingsSchema>;
export type SettingsFormValues = z.input<typeof settingsSchema>;
export type SettingsField = keyof SettingsFormValues;
export type FieldErrors = Partial<Record<SettingsField, string>>;

export type ConnectionInput = z.output<typeof connectionSchema>;

type ParseResult<Data> = { success: true; data: Data } | { success: false; errors: FieldErrors };

function firstErrorPerField<Data>(result: z.ZodSafeParseResult<Data>): ParseResult<Data> {
  if (result.success) return { success: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as SettingsField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { success: false, errors };
}

/** Validates form values and returns the first message per field, ready to show inline. */
export function parseSettings(values: unknown): ParseResult<SettingsInput> {
  return firstErrorPerField(settingsSchema.safeParse(values));
}

export function parseConnection(values: unknown): ParseResult<ConnectionInput> {
  return firstErrorPerField(connectionSchema.safeParse(values));
}
