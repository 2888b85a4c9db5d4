import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";

/** Too many requests from one API token: 429 with the seconds to wait (also sent as Retry-After). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "api_rate_limited", { seconds: retryAfterSeconds });
  }
}

let limiter: { points: number; store: RateLimiterMemory } | null = null;

/**
 * Each API token may make API_RATE_LIMIT_PER_MINUTE requests a minute (rate-limiter-flexible, in
 * this process's memory: a script gone wild slows down instead of starving the region's other
 * users; with several app instances each counts its own). Keyed by the token's hash, never the token.
 */
export async function countTokenRequest(tokenHash: string): Promise<void> {
  const points = env().API_RATE_LIMIT_PER_MINUTE;
  if (points === 0) return;
  if (!limiter || limiter.points !== points)
    limiter = { points, store: new RateLimiterMemory({ points, duration: 60 }) };
  try {
    await limiter.store.consume(tokenHash);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
}
