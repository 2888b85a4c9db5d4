import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { AppError, NotFoundError } from "@/lib/errors";
import { makeTempDir } from "@/lib/files/temp-dirs";
import { requestLogger } from "@/lib/log";
import { type Download, submissionPackage } from "./downloads";

/**
 * A package of hundreds of evidence files takes minutes: the page starts it as a job, which
 * writes the ZIP to a temporary file while counting files done, and polls the job by id. The id
 * sits in the page's URL, so a reload picks the same job up again; the finished file stays an
 * hour for its download. A build cut short by a killed process leaves its directory, which the
 * next start removes (lib/files/temp-dirs.ts); its job id then answers 404 and the page starts over.
 */
export interface PackageJobStatus {
  jobId: string;
  submissionId: string;
  status: "running" | "done" | "failed";
  done: number;
  total: number;
}

interface Job extends PackageJobStatus {
  ownerId: string;
  regionCode: string;
  file: string;
  fileName: string;
}

const KEEP_MS = 60 * 60 * 1000;
const registry = globalThis as unknown as { submissionPackageJobs?: Map<string, Job> };
const jobs = () => (registry.submissionPackageJobs ??= new Map());

const publicStatus = ({ jobId, submissionId, status, done, total }: Job): PackageJobStatus => ({
  jobId,
  submissionId,
  status,
  done,
  total,
});

function forget(job: Job) {
  jobs().delete(job.jobId);
  fs.rmSync(path.dirname(job.file), { recursive: true, force: true });
}

export async function startPackageJob({
  ctx,
  year,
  id,
}: {
  ctx: Ctx;
  year: number;
  id: string;
}): Promise<PackageJobStatus> {
  const actor = requirePermission(ctx, "iga.submission.export");
  const job: Job = {
    jobId: randomUUID(),
    submissionId: id,
    status: "running",
    done: 0,
    total: 0,
    ownerId: actor.id,
    regionCode: actor.regionCode,
    file: "",
    fileName: "",
  };
  const download = await submissionPackage({
    ctx,
    year,
    id,
    onProgress: ({ done, total }) => {
      job.done = done;
      job.total = total;
    },
  });
  job.file = path.join(makeTempDir("package"), download.fileName);
  job.fileName = download.fileName;
  jobs().set(job.jobId, job);
  pipeline(download.body as Readable, fs.createWriteStream(job.file, { mode: 0o600 }))
    .then(() => {
      job.status = "done";
    })
    .catch((error: unknown) => {
      job.status = "failed";
      requestLogger(ctx.requestId).error({ err: error, submissionId: id }, "submission package job failed");
    })
    .finally(() => setTimeout(() => forget(job), KEEP_MS).unref());
  return publicStatus(job);
}

/** A job of the caller's (only whoever started it sees it; anyone else gets 404). */
function ownJob(ctx: Ctx, jobId: string): Job {
  const actor = requirePermission(ctx, "iga.submission.export");
  const job = jobs().get(jobId);
  if (!job || job.ownerId !== actor.id || job.regionCode !== actor.regionCode) throw new NotFoundError("package_job");
  return job;
}

export function packageJobStatus({ ctx, jobId }: { ctx: Ctx; jobId: string }): PackageJobStatus {
  return publicStatus(ownJob(ctx, jobId));
}

export function packageJobFile({ ctx, jobId }: { ctx: Ctx; jobId: string }): Download {
  const job = ownJob(ctx, jobId);
  if (job.status !== "done") throw new AppError(409, "submission_package_not_ready");
  return { fileName: job.fileName, contentType: "application/zip", body: fs.createReadStream(job.file) };
}
