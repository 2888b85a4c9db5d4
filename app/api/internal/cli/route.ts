import { NextResponse } from "next/server";
import { appDb } from "@/lib/db-bootstrap";
import { CLI_COMMANDS, cliActor, isCliCommand } from "@/lib/cli/commands";
import { isValidCliKey } from "@/lib/cli/server-info";
import { AppError, ValidationError } from "@/lib/errors";
import { translateIssues } from "@/lib/http/errors-i18n";
import { translator } from "@/lib/i18n/translator";
import { requestIdFrom } from "@/lib/http/request-id";

/** CLI commands run inside the app while it holds the embedded database (see lib/cli/server-info.ts). */
export async function POST(req: Request) {
  if (!isValidCliKey(req.headers.get("x-cli-key"))) {
    return NextResponse.json({ error: { code: "unauthenticated", message: "invalid CLI key" } }, { status: 401 });
  }
  const body = (await req.json().catch(() => null)) as { command?: unknown; input?: unknown } | null;
  if (!body || !isCliCommand(body.command)) {
    return NextResponse.json({ error: { code: "unknown_command", message: "unknown command" } }, { status: 400 });
  }
  try {
    const ctx = { db: await appDb(), actor: cliActor(), requestId: requestIdFrom(req.headers) };
    return NextResponse.json(await CLI_COMMANDS[body.command](ctx, body.input));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const t = translator("en");
    const fields = error instanceof ValidationError ? translateIssues(error.issues, "en", t) : undefined;
    return NextResponse.json(
      { error: { code: error.code, message: t(`errors.${error.code}`, error.params), fields } },
      { status: error.status },
    );
  }
}
