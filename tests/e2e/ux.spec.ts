import { expect, test } from "@playwright/test";
import { signedInAs } from "./helpers";

/* The small things of issue 14: titles, favicon, the agency's default view, the other agency's 403, the audit words. */

test("each page has its own title and the favicon loads", async ({ page }) => {
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/iga/2023");
  await expect(page).toHaveTitle("Indeks IGA 2023 · Inovasi Daerah Mesuji");
  await page.goto("/innovations?q=Payo+Beladas");
  await page.getByRole("link", { name: "Payo Beladas", exact: true }).first().click();
  await expect(page).toHaveTitle("Payo Beladas · Inovasi Daerah Mesuji");
});

test("agency staff land on their own agency's innovations, one click from all of them", async ({ page }) => {
  await signedInAs(page, "opd@demo.local");
  await page.getByTestId("stat-link").click();
  await expect(page).toHaveURL(/\/innovations\?agencyId=/);
  const mine = page.getByRole("link", { name: "Inovasi saya" });
  await expect(mine).toHaveAttribute("aria-current", "page");
  const ownTotal = await page.getByTestId("innovation-total").textContent();

  await page.goto("/innovations");
  await expect(page).toHaveURL(/\/innovations\?agencyId=/);
  await page.getByRole("link", { name: "Semua inovasi" }).click();
  await expect(page).toHaveURL(/scope=all/);
  await expect(page.getByRole("link", { name: "Semua inovasi" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("innovation-total")).not.toHaveText(ownTotal ?? "");
});

test("another agency's innovation: the 403 says whose it is, in one <main>", async ({ page }) => {
  await signedInAs(page, "opd@demo.local");
  await page.goto("/innovations?scope=all&q=Pak+Kur");
  await page.getByRole("link", { name: "Pak Kur", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Pak Kur" })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/edit`);
  await expect(page.getByText("Inovasi ini milik perangkat daerah lain")).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);
});

test("the audit page names actions in Indonesian", async ({ page }) => {
  await signedInAs(page, "admin@demo.local");
  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "Masuk", exact: true }).first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText("user.login");
});
