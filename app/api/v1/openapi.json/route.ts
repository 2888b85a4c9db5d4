import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/openapi/document";

/**
 * The OpenAPI 3.1 document, public so that client generators and API browsers need no token. It
 * changes only with a deploy, hence a short cache rather than none.
 */
export function GET() {
  return NextResponse.json(openApiDocument(), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
