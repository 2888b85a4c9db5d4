import { BeneficiaryListButton } from "./beneficiary-list-button";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ruleTerm } from "@/lib/iga/glossary";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { EvidenceView, IndicatorView, SubjectView } from "@/lib/iga/assessment-view";
import { PUBLIC_PHOTO_TYPES } from "@/lib/gallery/photo-types";
import { EvidenceForm } from "./evidence-form";
import { LevelForm } from "./level-form";
import { PhotoPublicToggle } from "./photo-public-toggle";
import { RemoveEvidence } from "./remove-evidence";
import { ReplaceEvidence } from "./replace-evidence";
import { ReviewForm } from "./review-form";

const STATUS_TONE = { pending: "neutral", accepted: "success", needs_work: "danger" } as const;

/** Why an indicator scores 0, or its score: the reason is said, never left to guess. */
async function scoreLine(item: IndicatorView) {
  const [t, format] = await Promise.all([getTranslations("iga.indicator"), getFormatter()]);
  const n = (x: number) => format.number(x, { maximumFractionDigits: 2 });
  if (item.score > 0) return <Badge tone="success">{t("scoreOf", { score: n(item.score), max: n(item.max) })}</Badge>;
  const reason = !item.assessment?.level
    ? t("notAssessed")
    : item.evidence.length > 0
      ? t("onlyNeedsWork")
      : t("noEvidence");
  return (
    <Badge tone="warning" data-testid="zero-reason">
      {reason}
    </Badge>
  );
}

async function EvidenceItem({
  piece,
  view,
  innovationId,
  indicatorCode,
  maxBytes,
}: {
  piece: EvidenceView;
  view: SubjectView;
  innovationId: string | null;
  indicatorCode: string;
  maxBytes: number;
}) {
  const [t, format] = await Promise.all([getTranslations("iga.evidence"), getFormatter()]);
  const letter = [
    piece.letterNumber && t("letter", { number: piece.letterNumber }),
    piece.letterDate && format.dateTime(new Date(`${piece.letterDate}T00:00:00`), { dateStyle: "medium" }),
    piece.subject,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <li className="rounded-md border border-slate-200 p-3" data-testid="evidence-item">
      <div className="flex flex-wrap items-center gap-2">
        {piece.kind === "file" ? (
          <a
            className="break-all font-medium text-brand-700 underline"
            href={`/api/v1/iga/evidence/${piece.id}/file`}
            target="_blank"
            rel="noopener"
            aria-label={t("open", { name: piece.fileName ?? "" })}
          >
            {piece.fileName}
          </a>
        ) : (
          <a
            className="break-all font-medium text-brand-700 underline"
            href={piece.url ?? "#"}
            target="_blank"
            rel="noopener noreferrer"
          >
            {piece.url}
          </a>
        )}
        {piece.size !== null && (
          <span className="text-xs text-slate-600">
            {format.number(piece.size / 1024, { maximumFractionDigits: 0 })} KB
          </span>
        )}
        <Badge tone={STATUS_TONE[piece.reviewStatus]}>{t(`status.${piece.reviewStatus}`)}</Badge>
        {piece.isSample && <Badge tone="warning">{t("sample")}</Badge>}
        {view.canPublishPhotos && innovationId && piece.mimeType && PUBLIC_PHOTO_TYPES.has(piece.mimeType) && (
          <PhotoPublicToggle
            evidenceId={piece.id}
            name={piece.fileName ?? ""}
            isPublic={!!piece.publicFileId}
            year={view.year}
            innovationId={innovationId}
          />
        )}
        {view.canAssess && (
          <ReplaceEvidence
            evidenceId={piece.id}
            name={piece.fileName ?? piece.url ?? ""}
            year={view.year}
            indicatorCode={indicatorCode}
            innovationId={innovationId}
            maxBytes={maxBytes}
          />
        )}
        {view.canAssess && (
          <RemoveEvidence
            evidenceId={piece.id}
            name={piece.fileName ?? piece.url ?? ""}
            year={view.year}
            innovationId={innovationId}
          />
        )}
      </div>
      {letter && <p className="mt-1 text-sm text-slate-700">{letter}</p>}
      {piece.reviewComment && (
        <p
          className={
            piece.reviewStatus === "needs_work"
              ? "mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900"
              : "mt-2 text-sm text-slate-700"
          }
          data-testid="review-comment"
        >
          {t("comment", { comment: piece.reviewComment })}
        </p>
      )}
      {view.canReview && (
        <ReviewForm
          evidenceId={piece.id}
          year={view.year}
          innovationId={innovationId}
          status={piece.reviewStatus}
          comment={piece.reviewComment}
        />
      )}
    </li>
  );
}

async function IndicatorCard({
  item,
  view,
  innovationId,
  maxBytes,
}: {
  item: IndicatorView;
  view: SubjectView;
  innovationId: string | null;
  maxBytes: number;
}) {
  const [t, te, format, locale] = await Promise.all([
    getTranslations("iga.indicator"),
    getTranslations("iga.evidence"),
    getFormatter(),
    getLocale(),
  ]);
  const { indicator, assessment, proposal } = item;
  const level = assessment?.level ?? null;
  return (
    <article
      id={`indicator-${indicator.code}`}
      className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid={`indicator-${indicator.code}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-semibold text-slate-900">
          <span className="text-slate-600">{indicator.code}</span> {ruleTerm(indicator.name, locale)}
        </h3>
        <div className="flex flex-wrap items-center gap-2">
          <Badge>{t("weight", { weight: format.number(indicator.weight) })}</Badge>
          {indicator.mandatory && <Badge tone="brand">{t("mandatory")}</Badge>}
          {await scoreLine(item)}
        </div>
      </header>
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        <div className="space-y-2">
          {proposal && (
            <Alert tone="info" data-testid="benefit-proposal">
              {proposal.level !== null
                ? t("proposal", {
                    residents: format.number(proposal.residents),
                    year: view.year,
                    level: proposal.level,
                  })
                : t("proposalNone", { residents: format.number(proposal.residents), year: view.year })}
            </Alert>
          )}
          {proposal && proposal.residents > 0 && view.canAttachList && innovationId && (
            <BeneficiaryListButton innovationId={innovationId} year={view.year} />
          )}
          {view.canAssess ? (
            <LevelForm
              year={view.year}
              indicatorCode={indicator.code}
              indicatorName={indicator.name}
              innovationId={innovationId}
              levels={indicator.levels}
              level={level}
              version={assessment?.version ?? 0}
              proposedLevel={proposal?.level ?? null}
            />
          ) : (
            <ol className="space-y-1 text-sm">
              {indicator.levels.map((description, i) => (
                <li key={i} className={level === i + 1 ? "font-semibold text-brand-900" : "text-slate-700"}>
                  {t("level", { level: i + 1 })} — {description}
                  {level === i + 1 && <span className="sr-only"> ({t("chosen", { level: i + 1 })})</span>}
                </li>
              ))}
            </ol>
          )}
          <p className="text-sm text-slate-700">
            <span className="font-medium">{t("evidenceNeeded")}:</span> {indicator.evidence}
          </p>
        </div>
        <div className="space-y-2">
          <h4 className="text-sm font-semibold text-slate-800">{te("title")}</h4>
          {item.evidence.length === 0 ? (
            <p className="text-sm text-slate-600">{te("none")}</p>
          ) : (
            <ul className="space-y-2">
              {item.evidence.map((piece) => (
                <EvidenceItem
                  key={piece.id}
                  piece={piece}
                  view={view}
                  innovationId={innovationId}
                  indicatorCode={indicator.code}
                  maxBytes={maxBytes}
                />
              ))}
            </ul>
          )}
          {view.canAssess && (
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-brand-800">{te("add")}</summary>
              <div className="mt-3">
                <EvidenceForm
                  year={view.year}
                  indicatorCode={indicator.code}
                  innovationId={innovationId}
                  maxBytes={maxBytes}
                />
              </div>
            </details>
          )}
        </div>
      </div>
    </article>
  );
}

/** Every indicator of one subject (an innovation or the region), with its level, evidence and review. */
export async function IndicatorList({
  view,
  innovationId,
  maxBytes,
}: {
  view: SubjectView;
  innovationId: string | null;
  maxBytes: number;
}) {
  return (
    <div className="space-y-4">
      {view.items.map((item) => (
        <IndicatorCard
          key={item.indicator.id}
          item={item}
          view={view}
          innovationId={innovationId}
          maxBytes={maxBytes}
        />
      ))}
    </div>
  );
}

/** Evaluator comments still waiting for the staff: evidence marked needs work. */
export async function OpenComments({ view }: { view: SubjectView }) {
  const t = await getTranslations("iga.tab");
  const open = view.items.flatMap((item) =>
    item.evidence.filter((e) => e.reviewStatus === "needs_work" && e.reviewComment).map((e) => ({ item, evidence: e })),
  );
  if (open.length === 0) return null;
  return (
    <Alert tone="warning" data-testid="open-comments">
      <p className="font-semibold">{t("openComments")}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {open.map(({ item, evidence }) => (
          <li key={evidence.id}>
            <a className="underline" href={`#indicator-${item.indicator.code}`}>
              {item.indicator.code} {item.indicator.name}
            </a>
            : {evidence.reviewComment}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
