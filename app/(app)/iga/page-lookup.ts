import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/** Runs a page's lookup; a NotFoundError (a year that is no year, an unknown framework) shows the 404 page. */
export async function orNotFound<T>(lookup: () => T | Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
