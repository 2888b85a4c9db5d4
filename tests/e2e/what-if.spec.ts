import { expect, type Page, test } from "@playwright/test";
import { signedInAs } from "./helpers";

/** A figure as shown ("61,32" in Indonesian) as a number. */
async function shown(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).innerText()).trim();
  return Number(text.replace(/\./g, "").replace(",", "."));
}

test("a leader tries the 2026 what-if: a made-up innovation in urusan sosial opens the basic-service rule and the index rises; undo restores it; nothing is stored", async ({
  page,
}) => {
  await signedInAs(page, "pimpinan@demo.local");
  await page.goto("/iga/2026");
  const stored = await shown(page, "iga-index");
  await page.getByTestId("what-if-link").click();
  await expect(page).toHaveURL(/\/iga\/2026\/what-if$/);
  await expect(page.getByRole("heading", { level: 1, name: "Simulasi IGA 2026" })).toBeVisible();
  const now = await shown(page, "what-if-now");
  expect(await shown(page, "what-if-index")).toBe(now);
  // The page's estimate counts ready innovations too ("if you submitted today"): the same base.
  expect(now).toBe(stored);

  await page.getByTestId("what-if-affair").selectOption("sosial");
  await page.getByTestId("what-if-add").click();
  await expect(page.getByTestId("what-if-imagined")).toHaveCount(1);
  await expect.poll(() => shown(page, "what-if-index")).toBeGreaterThan(now);
  await expect(page.getByTestId("what-if-delta")).toContainText("+");

  // Leaving every innovation out: nothing reported.
  for (const box of await page.getByTestId("what-if-innovation").getByRole("checkbox").all()) await box.uncheck();
  await page.getByTestId("what-if-imagined").getByRole("button", { name: "Hapus" }).click();
  await expect(page.getByTestId("what-if-category")).toHaveText("Tidak Dapat Dinilai");

  await page.getByTestId("what-if-reset").click();
  expect(await shown(page, "what-if-index")).toBe(now);
  await page.goto("/iga/2026");
  expect(await shown(page, "iga-index")).toBe(stored);
});
