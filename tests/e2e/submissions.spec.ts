import { expect, test } from "@playwright/test";
import { signedInAs } from "./helpers";

/**
 * An evaluator's path through issue 13: the pre-flight check, freezing with a reason, the snapshot
 * page, the package as a download and as a job whose progress survives a reload.
 */
test("an evaluator freezes the 2023 submission and downloads its package", async ({ page }, info) => {
  test.setTimeout(300_000);
  await signedInAs(page, "evaluator@demo.local");
  await page.goto("/iga/2023/submissions");
  await expect(page.getByRole("heading", { name: "Pengajuan IGA 2023" })).toBeVisible();
  await expect(page.getByTestId("preflight")).toContainText("masalah ditemukan");
  await page.screenshot({ path: info.outputPath("submissions-id.png"), fullPage: true });

  await page
    .getByLabel(/Alasan tetap membekukan/)
    .fill("Portal ditutup; data contoh diperbaiki pada pengajuan berikutnya");
  await page.getByRole("button", { name: "Tetap bekukan" }).click();
  await page.getByRole("link", { name: "Buka snapshot" }).click();
  await expect(page.getByTestId("snapshot-sha")).toHaveText(/^[0-9a-f]{64}$/);
  const snapshotUrl = page.url();

  const zip = await page.request.get(`${snapshotUrl.replace("/iga/", "/api/v1/iga/")}/submission.xlsx`);
  expect(zip.status()).toBe(200);
  expect((await zip.body()).subarray(0, 2).toString()).toBe("PK");

  await page.getByRole("button", { name: "Siapkan paket (dengan kemajuan)" }).click();
  // Starting the job renders the first PDFs before it answers: on a loaded machine that takes a while.
  await expect(page).toHaveURL(/\?job=/, { timeout: 60_000 });
  await page.reload();
  await expect(page.getByRole("link", { name: "Unduh paket" })).toBeVisible({ timeout: 240_000 });
  await page.screenshot({ path: info.outputPath("snapshot-id.png"), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL("/", snapshotUrl).toString() }]);
  await page.goto("/iga/2023/submissions");
  await expect(page.getByRole("heading", { name: "IGA submissions 2023" })).toBeVisible();
  await page.screenshot({ path: info.outputPath("submissions-en-phone.png"), fullPage: true });
});
