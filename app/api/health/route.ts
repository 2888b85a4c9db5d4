import { NextResponse } from "next/server";
import { appDatabase } from "@/lib/db-bootstrap";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(appDatabase);
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503 });
}
