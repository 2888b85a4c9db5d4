import { expect, test } from "@playwright/test";
import { signedInAs, signIn } from "./helpers";

/** What each demo role must (and must not) find in the main navigation, in Bahasa Indonesia. */
const ROLES = [
  {
    email: "admin@demo.local",
    role: "Administrator",
    sees: ["Beranda", "Inovasi", "Indeks IGA", "Cari warga", "Pengguna", "Token API", "Jejak audit"],
    not: [],
  },
  {
    email: "bappeda@demo.local",
    role: "Staf Bappeda",
    sees: ["Beranda", "Inovasi", "Indeks IGA", "Cari warga"],
    not: ["Pengguna", "Token API", "Jejak audit"],
  },
  {
    email: "opd@demo.local",
    role: "Staf perangkat daerah",
    sees: ["Beranda", "Inovasi", "Indeks IGA"],
    not: ["Cari warga", "Pengguna", "Token API", "Jejak audit"],
  },
  {
    email: "pimpinan@demo.local",
    role: "Pimpinan",
    sees: ["Beranda", "Inovasi", "Indeks IGA"],
    not: ["Cari warga", "Pengguna", "Token API", "Jejak audit"],
  },
  {
    email: "evaluator@demo.local",
    role: "Evaluator",
    sees: ["Beranda", "Inovasi", "Indeks IGA"],
    not: ["Cari warga", "Pengguna", "Token API", "Jejak audit"],
  },
];

for (const r of ROLES) {
  test(`${r.email} signs in and sees the navigation of the ${r.role} role`, async ({ page }) => {
    await signedInAs(page, r.email);
    await expect(page.getByTestId("current-user")).toContainText(r.role);
    const nav = page.getByTestId("main-nav");
    for (const label of r.sees) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    for (const label of r.not) await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
  });
}

test("a wrong password gets one clear message and no session", async ({ page }) => {
  await signIn(page, "bappeda@demo.local", "bukan-kata-sandinya");
  await expect(page.getByTestId("login-error")).toContainText("Email atau kata sandi salah");
  // Without a session "/" is the public gallery, with its sign-in link and no user.
  await page.goto("/");
  await expect(page.getByTestId("gallery-sign-in")).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("an unknown email gets the same message as a wrong password", async ({ page }) => {
  await signIn(page, "siapa@demo.local", "inovasi-demo");
  await expect(page.getByTestId("login-error")).toContainText("Email atau kata sandi salah");
});

test("a role without access gets 403 on an admin page, and anonymous visitors go to the login page", async ({
  page,
}) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  await signedInAs(page, "pimpinan@demo.local");
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
});

test("the home page shows the 121 demo innovations (110 of 2023, 11 sample ones applied in 2025) and the catalogue lists them", async ({
  page,
}) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.getByTestId("main-nav").getByRole("link", { name: "Inovasi", exact: true }).click();
  await expect(page.getByTestId("innovation-total")).toHaveText("121 inovasi");
  await expect(page.getByRole("cell", { name: /Payo Beladas/ })).toBeVisible();
});

test("the language switch turns the interface to English and back", async ({ page }) => {
  await signedInAs(page, "evaluator@demo.local");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("main-nav").getByRole("link", { name: "Home", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.getByTestId("main-nav").getByRole("link", { name: "Beranda", exact: true })).toBeVisible();
});
