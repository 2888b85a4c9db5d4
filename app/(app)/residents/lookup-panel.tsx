"use client";

import { amountText } from "@/lib/beneficiaries/amount-unit";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { Table, Td, Th } from "@/components/ui/table";
import type { LookupResult } from "@/lib/beneficiaries/lookup";
import type { RevealResult } from "@/lib/beneficiaries/reveal";
import type { ActionState } from "@/lib/http/action-result";
import { lookupAction, revealAction } from "./actions";

/** The NIK form and what it found. The NIK stays in this component's memory only. */
export function LookupPanel({ canReveal }: { canReveal: boolean }) {
  const t = useTranslations("residents");
  const [state, action, pending] = useActionState<ActionState<LookupResult>, FormData>(lookupAction, {});
  const [nik, setNik] = useState("");
  // Each submission shows a fresh result: an earlier reveal must not stay on screen.
  const [submissions, setSubmissions] = useState(0);
  const submit = (form: FormData) => {
    setSubmissions((n) => n + 1);
    action(form);
  };
  // After a look-up succeeds the NIK leaves the screen (adjusting state while rendering, as React
  // recommends for reacting to a new value); after an error it stays, to be corrected.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state.ok) setNik("");
  }
  const fieldError = state.fields?.nik;
  return (
    <div className="space-y-6">
      <Card>
        <form
          action={submit}
          className="flex flex-col gap-3 sm:flex-row sm:items-start"
          autoComplete="off"
          data-testid="lookup-form"
        >
          <div className="sm:w-80">
            <Field id="resident-nik" label={t("nikLabel")} hint={t("nikHint")} error={fieldError}>
              <Input
                id="resident-nik"
                name="nik"
                value={nik}
                onChange={(e) => setNik(e.target.value)}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                maxLength={40}
                required
                aria-invalid={!!fieldError}
                aria-describedby={fieldError ? "resident-nik-error" : undefined}
                className="font-mono tracking-wide"
              />
            </Field>
          </div>
          <Button type="submit" disabled={pending} className="sm:mt-6">
            {pending ? t("searching") : t("search")}
          </Button>
        </form>
        {state.error && !fieldError && (
          <Alert tone="error" className="mt-3">
            {state.error}
          </Alert>
        )}
      </Card>
      {state.ok && state.data && <LookupResultView key={submissions} result={state.data} canReveal={canReveal} />}
    </div>
  );
}

function LookupResultView({ result, canReveal }: { result: LookupResult; canReveal: boolean }) {
  const t = useTranslations("residents");
  const format = useFormatter();
  const day = (d: string) =>
    d ? format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : "—";
  const amount = (v: number | string | null, unit: string | null) =>
    amountText(v === null ? null : Number(v), unit, format.number);

  if (!result.found || !result.resident) {
    return (
      <Alert tone="info" data-testid="lookup-not-found">
        {t("notFound", { masked: result.maskedNik })}
      </Alert>
    );
  }
  const { resident } = result;
  const area = resident.area.kecamatan
    ? [resident.area.kecamatan, resident.area.kabupatenKota, resident.area.provinsi].filter(Boolean).join(", ")
    : t("areaUnknown", { code: resident.area.code });
  return (
    <section className="space-y-4" data-testid="lookup-result">
      <Alert tone="success">{t("found", { programmes: result.programmes.length, records: result.totalRecords })}</Alert>
      <Card>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-sm text-slate-600">{t("maskedNik")}</dt>
            <dd className="font-mono text-lg text-slate-900" data-testid="masked-nik">
              {result.maskedNik}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("sex")}</dt>
            <dd className="text-slate-900">{resident.sex === "L" ? t("sexL") : t("sexP")}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("ageBand")}</dt>
            <dd className="text-slate-900">{t("years", { band: resident.ageBand })}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("area")}</dt>
            <dd className="text-slate-900">{area}</dd>
          </div>
        </dl>
        {canReveal && <RevealBox residentId={resident.id} />}
      </Card>

      <h2 className="text-lg font-semibold">{t("programmesTitle")}</h2>
      <Table data-testid="lookup-programmes">
        <caption className="sr-only">{t("programmesTitle")}</caption>
        <thead>
          <tr>
            <Th>{t("col.innovation")}</Th>
            <Th>{t("col.agency")}</Th>
            <Th className="text-right">{t("col.records")}</Th>
            <Th>{t("col.first")}</Th>
            <Th>{t("col.last")}</Th>
            <Th className="text-right">{t("col.amount")}</Th>
          </tr>
        </thead>
        <tbody>
          {result.programmes.map((p) => (
            <tr key={p.innovationId}>
              <Td>
                <a className="text-brand-700 underline underline-offset-2" href={`/innovations/${p.innovationId}`}>
                  {p.innovationName}
                </a>{" "}
                {p.archived && <Badge tone="danger">{t("archived")}</Badge>}
              </Td>
              <Td>{p.agencyShortName}</Td>
              <Td className="text-right tabular-nums">{format.number(p.records)}</Td>
              <Td>{day(p.firstDate)}</Td>
              <Td>{day(p.lastDate)}</Td>
              <Td className="text-right tabular-nums">{amount(p.amount, p.amountUnit)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h2 className="text-lg font-semibold">{t("servicesTitle")}</h2>
      {result.truncated && (
        <Alert tone="warning">{t("truncated", { shown: result.services.length, total: result.totalRecords })}</Alert>
      )}
      <Table data-testid="lookup-services">
        <caption className="sr-only">{t("servicesTitle")}</caption>
        <thead>
          <tr>
            <Th>{t("col.date")}</Th>
            <Th>{t("col.innovation")}</Th>
            <Th>{t("col.type")}</Th>
            <Th>{t("col.desa")}</Th>
            <Th>{t("col.kecamatan")}</Th>
            <Th>{t("col.channel")}</Th>
            <Th className="text-right">{t("col.amount")}</Th>
          </tr>
        </thead>
        <tbody>
          {result.services.map((s, i) => (
            <tr key={`${s.innovationId}-${s.serviceDate}-${s.serviceType}-${i}`}>
              <Td className="whitespace-nowrap">{day(s.serviceDate)}</Td>
              <Td>{s.innovationName}</Td>
              <Td>{s.serviceType}</Td>
              <Td>{s.desaName ?? s.desaCode ?? t("noDesa")}</Td>
              <Td>{s.kecamatanName ?? t("noDesa")}</Td>
              <Td>{s.channel ? t(`channel.${s.channel}`) : t("noDesa")}</Td>
              <Td className="text-right tabular-nums">{amount(s.amount, s.amountUnit)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

/** The audited reveal: a reason (optional), one button, and the values until hidden. */
function RevealBox({ residentId }: { residentId: string }) {
  const t = useTranslations("residents.reveal");
  const [state, action, pending] = useActionState<ActionState<RevealResult>, FormData>(revealAction, {});
  const [hidden, setHidden] = useState(false);
  const revealed = state.ok && state.data && !hidden ? state.data : null;
  return (
    <div className="mt-4 border-t border-slate-200 pt-4" data-testid="reveal-box">
      <h3 className="font-semibold text-slate-900">{t("title")}</h3>
      <p className="mb-2 text-sm text-slate-700">{t("explain")}</p>
      {revealed ? (
        <Alert tone="warning" data-testid="revealed">
          <p className="mb-2 font-medium">{t("shown")}</p>
          <dl className="grid gap-2 sm:grid-cols-2">
            <div>
              <dt className="text-xs">{t("nik")}</dt>
              <dd className="font-mono text-base">{revealed.nik}</dd>
            </div>
            <div>
              <dt className="text-xs">{t("name")}</dt>
              <dd className="text-base">{revealed.name ?? t("noName")}</dd>
            </div>
          </dl>
          <Button type="button" variant="secondary" className="mt-3" onClick={() => setHidden(true)}>
            {t("hide")}
          </Button>
        </Alert>
      ) : (
        <form
          action={(form) => {
            setHidden(false);
            action(form);
          }}
          className="flex flex-col gap-3 sm:flex-row sm:items-start"
        >
          <input type="hidden" name="residentId" value={residentId} />
          <div className="sm:w-96">
            <Field id="reveal-reason" label={t("reason")} hint={t("reasonHint")} error={state.fields?.reason}>
              <Input
                id="reveal-reason"
                name="reason"
                maxLength={300}
                autoComplete="off"
                aria-invalid={!!state.fields?.reason}
              />
            </Field>
          </div>
          <Button type="submit" variant="danger" disabled={pending} className="sm:mt-6">
            {t("button")}
          </Button>
        </form>
      )}
      {state.error && !state.fields?.reason && (
        <Alert tone="error" className="mt-2">
          {state.error}
        </Alert>
      )}
    </div>
  );
}
