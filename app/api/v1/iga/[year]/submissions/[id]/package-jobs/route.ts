import { NextResponse } from "next/server";
import { apiHandler } from "@/lib/http/api";
import { startPackageJob } from "@/lib/submissions/package-jobs";
import { pathYear } from "../../../../request";

/** Starts building the package in the background; poll …/package-jobs/{jobId}. */
export const POST = apiHandler<{ year: string; id: string }>(async ({ ctx, params }) =>
  NextResponse.json(await startPackageJob({ ctx, year: pathYear(params), id: params.id }), { status: 202 }),
);
