"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { removePeerAction, savePeerAction } from "@/app/(app)/trends/actions";
import { ActionError } from "@/components/iga/action-error";
import { submitWithoutReset } from "@/components/iga/use-submit";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { IgaPeerResult } from "@/lib/trends/iga-peers";

const NEW = "new";

export interface RegionOption {
  code: string;
  name: string;
  provinceName: string | null;
}

/** "Kabupaten Tulang Bawang, Lampung (18.05)": what the picker lists and the action reads the code from. */
export const optionText = (o: RegionOption) => `${o.name}${o.provinceName ? `, ${o.provinceName}` : ""} (${o.code})`;

/**
 * Add a comparison region's ranks for a year (search among every kabupaten/kota by name), or pick
 * an existing row to correct or remove it. Each write names the version read.
 */
export function PeerEditor({ peers, options }: { peers: IgaPeerResult[]; options: RegionOption[] }) {
  const t = useTranslations("trends");
  const [state, action, pending] = useActionState(savePeerAction, {});
  const [removed, remove, removing] = useActionState(removePeerAction, {});
  const [picked, setPicked] = useState(NEW);
  const row = peers.find((p) => `${p.peerCode}/${p.year}` === picked);
  const value = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  const formKey = `${picked}-${row?.version ?? 0}`;
  return (
    <div className="space-y-3" data-testid="peer-editor">
      <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3">
        <Field id="peer-pick" label={t("peers.pick")}>
          <Select id="peer-pick" value={row ? picked : NEW} onChange={(e) => setPicked(e.target.value)}>
            <option value={NEW}>{t("peers.new")}</option>
            {peers.map((p) => (
              <option key={`${p.peerCode}/${p.year}`} value={`${p.peerCode}/${p.year}`}>
                {p.peerName} — {p.year}
              </option>
            ))}
          </Select>
        </Field>
        <div key={formKey} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <input type="hidden" name="version" value={row?.version ?? 0} />
          {row ? (
            <>
              <input type="hidden" name="peerCode" value={row.peerCode} />
              <input type="hidden" name="year" value={row.year} />
            </>
          ) : (
            <>
              <Field id="peer-region" label={t("peers.region")} hint={t("peers.regionHint")}>
                <Input
                  id="peer-region"
                  name="peer"
                  list="peer-region-options"
                  autoComplete="off"
                  required
                  data-testid="peer-region"
                />
              </Field>
              <datalist id="peer-region-options">
                {options.map((o) => (
                  <option key={o.code} value={optionText(o)} />
                ))}
              </datalist>
              <Field id="peer-year" label={t("col.year")}>
                <Input id="peer-year" name="year" inputMode="numeric" required data-testid="peer-year" />
              </Field>
            </>
          )}
          <Field id="peer-national" label={t("col.nationalRank")}>
            <Input
              id="peer-national"
              name="nationalRank"
              inputMode="numeric"
              defaultValue={value(row?.nationalRank)}
              data-testid="peer-national"
            />
          </Field>
          <Field id="peer-province" label={t("peers.provinceRank")}>
            <Input id="peer-province" name="provinceRank" inputMode="numeric" defaultValue={value(row?.provinceRank)} />
          </Field>
          <Field id="peer-source" label={t("col.source")} hint={t("edit.sourceHint")}>
            <Input id="peer-source" name="source" required defaultValue={row?.source ?? ""} data-testid="peer-source" />
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending} data-testid="peer-save">
            {pending ? t("peers.saving") : t("peers.save")}
          </Button>
          {state.ok && state.message && (
            <span role="status" className="text-sm text-emerald-800">
              {state.message}
            </span>
          )}
        </div>
        <ActionError state={state} />
      </form>
      {row && (
        <form action={remove} onSubmit={submitWithoutReset(remove)}>
          <input type="hidden" name="peerCode" value={row.peerCode} />
          <input type="hidden" name="year" value={row.year} />
          <input type="hidden" name="version" value={row.version} />
          <Button type="submit" variant="danger" disabled={removing}>
            {t("peers.remove")}
          </Button>
        </form>
      )}
      {removed.ok && removed.message && (
        <p role="status" className="text-sm text-emerald-800">
          {removed.message}
        </p>
      )}
      <ActionError state={removed} />
    </div>
  );
}
