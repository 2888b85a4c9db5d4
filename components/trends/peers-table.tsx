import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { IgaPeerResult } from "@/lib/trends/iga-peers";
import { SourceCell } from "./source-cell";

/** The comparison regions' ranks, with their sources; a hint when there are none yet. */
export async function PeersTable({ peers, canWrite }: { peers: IgaPeerResult[]; canWrite: boolean }) {
  const [t, format] = await Promise.all([getTranslations("trends"), getFormatter()]);
  const empty = t("empty");
  const n = (v: number | null) => (v === null ? empty : format.number(v));
  if (peers.length === 0) {
    return (
      <p className="text-sm text-slate-700" data-testid="peers-empty">
        {canWrite ? t("peers.empty") : t("peers.emptyReader")}
      </p>
    );
  }
  return (
    <Table data-testid="peers-table">
      <caption className="sr-only">{t("peers.title")}</caption>
      <thead>
        <tr>
          <Th>{t("col.region")}</Th>
          <Th>{t("col.year")}</Th>
          <Th className="text-right">{t("col.nationalRank")}</Th>
          <Th className="text-right">{t("peers.provinceRank")}</Th>
          <Th className="min-w-48">{t("col.source")}</Th>
        </tr>
      </thead>
      <tbody>
        {peers.map((p) => (
          <tr key={`${p.peerCode}/${p.year}`}>
            <Td>
              {p.peerName}
              {p.provinceName && <span className="block text-xs text-slate-600">{p.provinceName}</span>}
            </Td>
            <Td>{p.year}</Td>
            <Td className="text-right tabular-nums">{n(p.nationalRank)}</Td>
            <Td className="text-right tabular-nums">{n(p.provinceRank)}</Td>
            <Td>
              <SourceCell source={p.source} empty={empty} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
