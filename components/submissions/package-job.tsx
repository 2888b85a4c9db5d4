"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface Job {
  jobId: string;
  status: "running" | "done" | "failed";
  done: number;
  total: number;
}

/**
 * Builds the package as a job and shows its progress. The job id is kept in the URL (?job=), so a
 * reload (or a return to the page) picks up the same job instead of starting another.
 */
export function PackageJob({ base }: { base: string }) {
  const t = useTranslations("submissions");
  const router = useRouter();
  const pathname = usePathname();
  const jobId = useSearchParams().get("job");
  const [job, setJob] = useState<Job | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!jobId) return;
    let stop = false;
    const poll = async () => {
      const res = await fetch(`${base}/package-jobs/${jobId}`);
      if (stop) return;
      if (!res.ok) return setFailed(true);
      const next = (await res.json()) as Job;
      setJob(next);
      if (next.status === "running") setTimeout(poll, 1000);
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [base, jobId]);

  async function start() {
    setFailed(false);
    const res = await fetch(`${base}/package-jobs`, { method: "POST" });
    if (!res.ok) return setFailed(true);
    const started = (await res.json()) as Job;
    router.replace(`${pathname}?job=${started.jobId}`);
  }

  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <div className="space-y-2" data-testid="package-job">
      {!jobId && (
        <Button type="button" variant="secondary" onClick={start}>
          {t("preparePackage")}
        </Button>
      )}
      {job?.status === "running" && (
        <div>
          <p className="text-sm">{t("preparing", { done: job.done, total: job.total })}</p>
          <div
            className="h-2 w-full max-w-md rounded bg-slate-200"
            role="progressbar"
            aria-valuenow={percent}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <div className="h-2 rounded bg-brand-700" style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      {job?.status === "done" && (
        <Alert tone="success">
          {t("ready")}{" "}
          <a className="font-medium underline" href={`${base}/package-jobs/${job.jobId}/package.zip`}>
            {t("downloadReady")}
          </a>
        </Alert>
      )}
      {(failed || job?.status === "failed") && <Alert tone="error">{t("jobFailed")}</Alert>}
    </div>
  );
}
