import { expect, test } from "@playwright/test";
import { signedInAs } from "./helpers";

test("on a phone the navigation opens from the menu button and is keyboard-closable", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await expect(page.getByTestId("main-nav")).toBeHidden();
  await page.getByRole("button", { name: "Buka menu" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("link", { name: "Inovasi" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test.describe("at 390×844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  const sideways = (page: import("@playwright/test").Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  test("the main pages do not scroll sideways", async ({ page }) => {
    await signedInAs(page, "admin@demo.local");
    await page.goto("/innovations?q=Pak+Kur");
    await page.getByRole("link", { name: "Pak Kur", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Pak Kur" })).toBeVisible();
    const innovation = new URL(page.url()).pathname;
    for (const path of [
      "/",
      "/innovations",
      innovation,
      `${innovation}?tab=beneficiaries`,
      `${innovation}?tab=history`,
      "/iga/2023",
      "/dashboard",
      "/admin/audit",
      "/residents",
      "/trends",
      "/innovations/new",
    ]) {
      await page.goto(path);
      await expect(page.locator("h1").first()).toBeVisible();
      expect(await sideways(page), path).toBeLessThanOrEqual(0);
    }
  });

  test("the innovation's tabs can all be reached", async ({ page }) => {
    await signedInAs(page, "bappeda@demo.local");
    await page.goto("/innovations?q=Payo+Beladas");
    await page.getByRole("link", { name: "Payo Beladas", exact: true }).first().click();
    const history = page.getByRole("tab", { name: "Riwayat" });
    await history.scrollIntoViewIfNeeded();
    await expect(history).toBeInViewport();
    await history.click();
    await expect(page).toHaveURL(/tab=history/);
  });
});
