/**
 * The stable error codes of the submission endpoints, merged into the API's error table
 * (lib/openapi/schemas.ts ERROR_CODES). No imports: the OpenAPI schemas read it at load time.
 */
export const SUBMISSION_ERROR_CODES = {
  submission_preflight_failed: {
    status: 409,
    meaning:
      "The pre-flight check lists `{problems}` problems: fix them (GET …/submissions/preflight) or send an `overrideReason`.",
  },
  submission_package_not_ready: {
    status: 409,
    meaning: "The package job is still running (or failed): poll its status until `done`.",
  },
  package_too_large: {
    status: 413,
    meaning:
      "The uploaded package is over VERIFY_MAX_BYTES (4 GB by default); the message names the limit. Larger packages: `npm run cli -- verify`.",
  },
  submission_package_invalid: {
    status: 422,
    meaning: "The uploaded file is not a submission package (a ZIP with a valid manifest.json).",
  },
} as const satisfies Record<string, { status: number; meaning: string }>;
