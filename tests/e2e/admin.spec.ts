import { expect, test } from "@playwright/test";
import { signedInAs } from "./helpers";

test("an admin creates an API token in the browser and it works on the API, then revokes it", async ({
  page,
  request,
}) => {
  await signedInAs(page, "admin@demo.local");
  await page.goto("/admin/tokens");
  await page.getByLabel("Pengguna").selectOption("bappeda@demo.local");
  await page.getByLabel("Label").fill("Uji e2e");
  await page.getByRole("button", { name: "Buat token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^imd_/);

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe("bappeda@demo.local");
  const forbidden = await request.get("/api/v1/me", { headers: { authorization: "Bearer imd_not-a-real-token" } });
  expect(forbidden.status()).toBe(401);

  const row = page.getByRole("row", { name: /Uji e2e/ });
  await row.getByRole("button", { name: "Cabut" }).click();
  await expect(page.getByRole("row", { name: /Uji e2e/ })).toContainText("Dicabut");
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test("an admin adds an agency user, the new user signs in and the audit log shows both", async ({ page, browser }) => {
  await signedInAs(page, "admin@demo.local");
  await page.goto("/admin/users");
  await page.locator("#new-email").fill("dinkes@demo.local");
  await page.locator("#new-name").fill("Staf Dinas Kesehatan");
  await page.locator("#new-role").selectOption("agency");
  await page.locator("#new-agency").selectOption({ label: "Dinas Kesehatan" });
  await page.locator("#new-password").fill("sandi-yang-panjang");
  await page.getByRole("button", { name: "Tambah pengguna" }).click();
  await expect(page.getByText("Pengguna ditambahkan.")).toBeVisible();

  const other = await browser.newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill("dinkes@demo.local");
  await other.getByLabel("Kata sandi").fill("sandi-yang-panjang");
  await other.getByRole("button", { name: "Masuk" }).click();
  await expect(other.getByTestId("current-user")).toContainText("Staf perangkat daerah");
  await other.close();

  await page.goto("/admin/audit?entity=user");
  await expect(page.getByRole("cell", { name: "Pengguna dibuat", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Masuk", exact: true }).first()).toBeVisible();
});

test("a validation error names the field in the user's language", async ({ page }) => {
  await signedInAs(page, "admin@demo.local");
  await page.goto("/admin/users");
  await page.locator("#new-email").fill("bukan-email");
  await page.locator("#new-name").fill("X Y");
  await page.locator("#new-role").selectOption("leader");
  await page.locator("#new-password").fill("pendek");
  await page.evaluate(() => document.querySelectorAll("input").forEach((i) => i.removeAttribute("required")));
  await page.locator("#new-email").evaluate((el) => ((el as HTMLInputElement).type = "text"));
  await page.getByRole("button", { name: "Tambah pengguna" }).click();
  await expect(page.getByText("Masukkan alamat email yang benar")).toBeVisible();
  await expect(page.getByText("Kata sandi minimal 10 karakter.")).toBeVisible();
});
