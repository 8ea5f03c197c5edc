export interface DemoStep {
  name: string;
  ok: boolean;
  figures: Record<string, number | string>;
  error?: string;
  seconds: number;
}

export class DemoReport {
  readonly steps: DemoStep[] = [];

  /** Runs one step, recording its figures or its error; later steps are skipped after a failure. */
  async step(name: string, run: () => Promise<Record<string, number | string>>): Promise<boolean> {
    if (this.steps.some((step) => !step.ok)) {
      this.steps.push({ name, ok: false, figures: {}, error: "skipped: an earlier step failed", seconds: 0 });
      return false;
    }
    const started = Date.now();
    process.stdout.write(`… ${name}\n`);
    try {
      const figures = await run();
      this.steps.push({ name, ok: true, figures, seconds: (Date.now() - started) / 1000 });
      process.stdout.write(`✔ ${name}${describe(figures)}\n`);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.steps.push({ name, ok: false, figures: {}, error: message, seconds: (Date.now() - started) / 1000 });
      process.stdout.write(`✘ ${name}\n  ${message.split("\n").join("\n  ")}\n`);
      return false;
    }
  }

  get ok(): boolean {
    return this.steps.every((step) => step.ok);
  }

  summary(): string {
    const rows = this.steps.map((step) => `${step.ok ? "✔" : "✘"} ${step.name.padEnd(52)} ${step.seconds.toFixed(1).padStart(5)} s${describe(step.figures)}`);
    return ["", "Onflow Connector demo", ...rows, "", this.ok ? "Every step succeeded." : "Some steps failed (see above)."].join("\n");
  }

  toJSON() {
    return { ok: this.ok, steps: this.steps };
  }
}

function describe(figures: Record<string, number | string>): string {
  const entries = Object.entries(figures);
  return entries.length ? `  (${entries.map(([key, value]) => `${key}: ${value}`).join(", ")})` : "";
}
