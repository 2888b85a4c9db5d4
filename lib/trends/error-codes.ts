/**
 * The stable error codes of the IGA trend's peer comparisons, merged into the API's error table
 * (lib/openapi/schemas.ts ERROR_CODES). No imports: the OpenAPI schemas read it at load time.
 */
export const TRENDS_ERROR_CODES = {
  iga_peer_exists: {
    status: 409,
    meaning: "This comparison region already has a result for that year: change it instead (PUT with its `version`).",
  },
  iga_peer_stale: {
    status: 409,
    meaning: "Someone changed or removed this comparison result after you read it: reload and send the new `version`.",
  },
} as const satisfies Record<string, { status: number; meaning: string }>;
