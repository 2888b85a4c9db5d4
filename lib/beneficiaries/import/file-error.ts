import { AppError } from "@/lib/errors";

/** A file refused as a whole (422); the code names its message under `errors.` in the messages files. */
export class RecordFileError extends AppError {
  constructor(code: string, params: Record<string, string | number> = {}) {
    super(422, code, params);
    this.name = "RecordFileError";
  }
}
