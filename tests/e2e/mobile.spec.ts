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
