import type { Executor } from "@/db/client";

/**
 * Records elsewhere that hang on an innovation (evidence, beneficiary data). An innovation with any
 * of them cannot be deleted, only archived. Each later module registers its own counter here.
 */
export type DependentCounter = (db: Executor, innovationId: string) => Promise<number>;

const counters = new Map<string, DependentCounter>();

export function registerInnovationDependent(kind: string, counter: DependentCounter) {
  counters.set(kind, counter);
}

export async function innovationDependents(db: Executor, innovationId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [kind, counter] of counters) {
    const n = await counter(db, innovationId);
    if (n > 0) out[kind] = n;
  }
  return out;
}
