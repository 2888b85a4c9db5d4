import { AppError } from "@/lib/errors";

/** A file refused as a whole (422); the code names its message under `errors.` in the messages files. */
export class RecordFileError extends AppError {
  constructor(code: string, params: Record<string, string | number> = {}, status = 422) {
    super(status, code, params);
    this.name = "RecordFileError";
  }
}

/** The upload is over `IMPORT_MAX_BYTES`: 413, with the limit in words ("200 MB"). */
export class UploadTooLargeError extends RecordFileError {
  constructor(maxBytes: number) {
    super("records_too_large", { limit: bytesInWords(maxBytes) }, 413);
  }
}

/** 209715200 → "200 MB"; 1536 → "1.5 KB" (binary units, as a file manager shows them). */
export function bytesInWords(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
