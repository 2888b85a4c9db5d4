/**
 * The IGA profile's closed vocabularies. They are defined beside the table that stores them
 * (db/schema/innovation-vocabulary.ts, a module without drizzle, so client components may use it).
 */
export * from "@/db/schema/innovation-vocabulary";
