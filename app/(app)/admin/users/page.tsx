import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { listAgencies } from "@/lib/agencies/list-agencies";
import { pageContext } from "@/lib/auth/request-context";
import { listUsers } from "@/lib/users/list-users";
import { ROLES } from "@/lib/users/schemas";
import { UnlockButton } from "./unlock-button";
import { CreateUserForm, EditUserForm } from "./user-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("users") };
}

export default async function UsersPage() {
  const ctx = await pageContext("user.manage");
  const [users, agencies, t, format] = await Promise.all([
    listUsers({ ctx }),
    listAgencies({ ctx }),
    getTranslations(),
    getFormatter(),
  ]);
  const options = agencies.map((a) => ({ id: a.id, shortName: a.shortName }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("nav.users")}</h1>
      <Card>
        <CardTitle>{t("admin.users.createTitle")}</CardTitle>
        <CreateUserForm agencies={options} roles={ROLES} />
      </Card>
      <ul className="space-y-3" aria-label={t("admin.users.listLabel")}>
        {users.map((u) => (
          <li key={u.id}>
            <Card>
              <div className="mb-3 flex flex-wrap items-center gap-2">
                <span className="font-semibold">{u.name}</span>
                <span className="text-sm text-slate-700">{u.email}</span>
                <Badge tone="brand">{t(`roles.${u.role}`)}</Badge>
                {u.agencyName && <Badge>{u.agencyName}</Badge>}
                {!u.active && <Badge tone="danger">{t("admin.users.inactive")}</Badge>}
                {u.lockedUntil && (
                  <>
                    <Badge tone="warning" title={t("admin.users.lockedHint")} data-testid="user-locked">
                      {t("admin.users.locked", { time: format.dateTime(u.lockedUntil, { timeStyle: "short" }) })}
                    </Badge>
                    <UnlockButton email={u.email} />
                  </>
                )}
                <span className="ml-auto text-xs text-slate-600">
                  {t("admin.users.lastLogin")}:{" "}
                  {u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}
                </span>
              </div>
              <EditUserForm user={u} agencies={options} roles={ROLES} />
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
