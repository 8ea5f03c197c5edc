/**
 * The emulator's rate limit on a fake clock: evenly spaced callers pass, bursts are refused.
 */
import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../emulators/onflow/token-bucket";

describe("token bucket", () => {
  it("lets a full bucket's worth through, then refuses and says how long to wait", () => {
    let now = 0;
    const bucket = new TokenBucket(10, () => now);
    const answers = Array.from({ length: 11 }, () => bucket.take());
    expect(answers.slice(0, 10).every((wait) => wait === 0)).toBe(true);
    expect(answers[10]).toBe(100);
    now = 100;
    expect(bucket.take()).toBe(0);
  });

  it("never refuses a caller spacing requests at 1/rate, even starting empty", () => {
    let now = 0;
    const bucket = new TokenBucket(10, () => now);
    for (let index = 0; index < 10; index += 1) bucket.take();
    const refused = Array.from({ length: 100 }, () => {
      now += 100;
      return bucket.take();
    }).filter((wait) => wait > 0);
    expect(refused).toEqual([]);
  });
});
