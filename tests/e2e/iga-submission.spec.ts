import { expect, type Page, test } from "@playwright/test";
import { signedInAs } from "./helpers";

/**
 * One innovation's 2026 submission through its whole path, by the people who take each step:
 * Disdukcapil staff take the demo's ready "KTP-el Jemput Bola Sekolah" back to draft and mark it
 * ready again, Bappeda submits it, the evaluator returns it with a note, the staff read the note,
 * Bappeda submits it again; the history shows every step.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

const NAME = "KTP-el Jemput Bola Sekolah";
let url = "";

/** Signs in as another person in the same page: the previous session's cookie goes first. */
async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signedInAs(page, email);
}

async function openPanel(page: Page) {
  await page.goto(url);
  return page.getByTestId("submission-panel");
}

test("draft → ready → submitted → returned → submitted, with the history shown", async ({ page }) => {
  await as(page, "opd@demo.local");
  await page.goto(`/innovations?q=${encodeURIComponent(NAME)}`);
  const href = await page.getByRole("link", { name: NAME }).getAttribute("href");
  expect(href).toMatch(/^\/innovations\/[0-9a-f-]{36}$/);
  url = `${href}?tab=indicators&year=2026`;
  let panel = await openPanel(page);
  await expect(panel.getByTestId("submission-status")).toHaveText("Siap kirim");
  await expect(page.getByTestId("innovation-maturity")).toContainText("Kematangan");

  await panel.getByRole("button", { name: "Kembalikan ke draf" }).click();
  await expect(panel.getByText("Dikembalikan ke draf.")).toBeVisible();
  await expect(panel.getByTestId("submission-status")).toHaveText("Draf");
  await panel.getByRole("button", { name: "Tandai siap kirim" }).click();
  await expect(panel.getByTestId("submission-status")).toHaveText("Siap kirim");
  // agency staff do not send: that is Bappeda's step
  await expect(panel.getByRole("button", { name: "Kirim", exact: true })).toHaveCount(0);

  await as(page, "bappeda@demo.local");
  panel = await openPanel(page);
  await panel.getByRole("button", { name: "Kirim", exact: true }).click();
  await expect(panel.getByTestId("submission-status")).toHaveText("Terkirim");

  await as(page, "evaluator@demo.local");
  panel = await openPanel(page);
  await panel.getByText("Kembalikan dengan catatan").first().click();
  await panel.getByLabel("Isian 1").selectOption({ value: "design" });
  await panel.getByLabel("Catatan 1").fill("Lengkapi data jumlah siswa yang belum punya KTP-el.");
  await panel.getByRole("button", { name: "Kembalikan dengan catatan" }).click();
  await expect(panel.getByTestId("submission-status")).toHaveText("Dikembalikan");

  await as(page, "opd@demo.local");
  panel = await openPanel(page);
  await expect(panel.getByTestId("return-notes")).toContainText("Lengkapi data jumlah siswa yang belum punya KTP-el.");

  await as(page, "bappeda@demo.local");
  panel = await openPanel(page);
  await panel.getByLabel("Komentar (opsional)").fill("Data siswa dilengkapi.");
  await panel.getByRole("button", { name: "Kirim", exact: true }).click();
  await expect(panel.getByTestId("submission-status")).toHaveText("Terkirim");
  await panel.getByText(/^Riwayat/).click();
  const history = panel.getByTestId("submission-history").locator(":scope > li");
  await expect(history).toHaveCount(6);
  await expect(history.nth(1)).toContainText("Siap kirim → Draf");
  await expect(history.nth(4)).toContainText("Terkirim → Dikembalikan oleh Evaluator Demo");
  await expect(history.nth(5)).toContainText("Dikembalikan → Terkirim oleh Staf Bappeda Demo — Data siswa dilengkapi.");

  // The API answers the 2026 score with the max(12, n) divisor and the basic-service gate.
  const score = await (await page.request.get("/api/v1/iga/2026/score")).json();
  expect(score).toMatchObject({
    year: 2026,
    divisor: 12,
    innovations: 9,
    basicServiceAffairs: { required: 5, met: false },
    innovationCountScore: 0,
  });
});
