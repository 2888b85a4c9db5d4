import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { pageContext } from "@/lib/auth/request-context";
import { listTokens } from "@/lib/tokens/list-tokens";
import { listUsers } from "@/lib/users/list-users";
import { revokeTokenAction } from "./actions";
import { CreateTokenForm } from "./create-token-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("tokens") };
}

export default async function TokensPage() {
  const ctx = await pageContext("token.manage");
  const [tokens, users, t, format] = await Promise.all([
    listTokens({ ctx }),
    listUsers({ ctx }),
    getTranslations(),
    getFormatter(),
  ]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const now = new Date();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("nav.tokens")}</h1>
      <p className="max-w-3xl text-slate-700">{t("admin.tokens.intro")}</p>
      <Card>
        <CardTitle>{t("admin.tokens.createTitle")}</CardTitle>
        <CreateTokenForm emails={users.filter((u) => u.active).map((u) => u.email)} />
      </Card>
      <Table>
        <caption className="sr-only">{t("nav.tokens")}</caption>
        <thead>
          <tr>
            <Th>{t("admin.tokens.name")}</Th>
            <Th>{t("admin.tokens.user")}</Th>
            <Th>{t("admin.tokens.prefix")}</Th>
            <Th>{t("admin.tokens.createdAt")}</Th>
            <Th>{t("admin.tokens.lastUsed")}</Th>
            <Th>{t("admin.tokens.status")}</Th>
            <Th>
              <span className="sr-only">{t("admin.tokens.revoke")}</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 && (
            <tr>
              <Td colSpan={7}>{t("admin.tokens.none")}</Td>
            </tr>
          )}
          {tokens.map((token) => {
            const expired = token.expiresAt && token.expiresAt < now;
            return (
              <tr key={token.id}>
                <Td>{token.name}</Td>
                <Td>{token.userEmail}</Td>
                <Td className="font-mono">{token.prefix}…</Td>
                <Td>{when(token.createdAt)}</Td>
                <Td>{when(token.lastUsedAt)}</Td>
                <Td>
                  {token.revokedAt ? (
                    <Badge tone="danger">{t("admin.tokens.revoked")}</Badge>
                  ) : expired ? (
                    <Badge tone="warning">{t("admin.tokens.expired")}</Badge>
                  ) : (
                    <Badge tone="success">{t("admin.tokens.active")}</Badge>
                  )}
                </Td>
                <Td>
                  {!token.revokedAt && (
                    <form action={revokeTokenAction}>
                      <input type="hidden" name="id" value={token.id} />
                      <Button type="submit" variant="danger" className="min-h-8 px-3 py-1">
                        {t("admin.tokens.revoke")}
                      </Button>
                    </form>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
