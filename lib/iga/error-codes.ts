/**
 * The stable error codes of the IGA endpoints, merged into the API's error table
 * (lib/openapi/schemas.ts ERROR_CODES). No imports: the OpenAPI schemas read it at load time.
 */
export const IGA_ERROR_CODES = {
  iga_framework_not_active: {
    status: 409,
    meaning: "The year's rule set is a draft: an administrator activates it before levels and evidence are recorded.",
  },
  iga_framework_exists: { status: 409, meaning: "The target year already has a rule set." },
  iga_stale_framework: {
    status: 409,
    meaning: "Someone changed the rule set after you read it: reload and send the new `version`.",
  },
  iga_indicator_in_use: {
    status: 409,
    meaning: "An indicator with stored levels cannot be removed or moved to the other scope.",
  },
  iga_stale_assessment: {
    status: 409,
    meaning: "Someone set this indicator's level after you read it: reload and send the new `version`.",
  },
  iga_stale_submission: {
    status: 409,
    meaning: "Someone moved this submission after you read it: reload and send the new `version`.",
  },
  iga_submission_transition: {
    status: 409,
    meaning: "The submission is `{from}`; it cannot move to `{to}` from there.",
  },
  iga_submission_not_ready: {
    status: 422,
    meaning:
      "Not ready to send: `details.problems` lists the profile fields, levels without evidence, mandatory indicators or eligibility rules to fix.",
  },
  evidence_empty: { status: 422, meaning: "The uploaded evidence file is empty." },
  evidence_too_large: {
    status: 413,
    meaning: "The evidence file is over the size limit (`{maxMb}` MB, EVIDENCE_MAX_BYTES).",
  },
  evidence_not_photo: {
    status: 422,
    meaning: "Only JPG and PNG evidence can be shown in the public gallery; PDFs and links stay internal.",
  },
  evidence_photo_unreadable: {
    status: 422,
    meaning: "The photo could not be decoded for the gallery copy (damaged, or over 60 megapixels).",
  },
  evidence_type_not_allowed: {
    status: 422,
    meaning: "The file's content is not PDF, JPG or PNG (checked from its bytes, not its name).",
  },
  evidence_type_mismatch: {
    status: 422,
    meaning: "The file's name says one type (`{claimed}`) but its content is another (`{actual}`).",
  },
  no_benefit_indicator: {
    status: 422,
    meaning:
      "The year's rule set has no indicator scored from the beneficiary register (`derivedFrom: beneficiaries`).",
  },
  no_beneficiaries: {
    status: 422,
    meaning: "The register holds no service records of this innovation in that year: there is no list to attach.",
  },
  evidence_no_file: { status: 422, meaning: "A multipart upload without a `file` part." },
} as const satisfies Record<string, { status: number; meaning: string }>;
