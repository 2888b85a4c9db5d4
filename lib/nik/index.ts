// The public surface of the NIK module; import from "@/lib/nik", not from the files inside.
export { parseNik } from "./parse-nik";
export type { NikResult, NikParsed, NikInvalid, NikWarning, ParseNikOptions } from "./parse-nik";
export { lookupArea, knownAreaPrefixes, parseAreaCsv } from "./area-codes";
export type { NikArea } from "./area-codes";
export { maskNik, ageBand, AGE_BANDS } from "./mask";
export type { AgeBand } from "./mask";
export { NIK_ERROR_CODES, NIK_WARNING_CODES, NIK_ERROR_MESSAGES, NIK_WARNING_MESSAGES } from "./messages";
export type { NikErrorCode, NikWarningCode, LocalizedMessage } from "./messages";
export { looksLikeIdentifier, hasControlCharacters } from "./free-text";
