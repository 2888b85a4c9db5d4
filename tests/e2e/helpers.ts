import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "inovasi-demo";

/**
 * What a browser page of the app sends with its own API writes: page.request does not add an
 * Origin, and the API refuses cookie-authenticated writes that do not come from the app's origin.
 */
export const SAME_ORIGIN = { origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/^(Email)$/).fill(email);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
}

export async function signedInAs(page: Page, email: string) {
  await signIn(page, email);
  // A leader lands on the dashboard, whose first render after start loads its charts' code and
  // figures: on a busy CI machine that took over 5 s (the shell was there, the page still coming).
  await expect(page.getByTestId("role-intro")).toBeVisible({ timeout: 30_000 });
}

/** Creates an API token for `email` in the admin page (the page must be signed in as an admin). */
export async function tokenFor(page: Page, email: string, label: string): Promise<string> {
  await page.goto("/admin/tokens");
  await page.getByLabel("Pengguna").selectOption(email);
  await page.getByLabel("Label").fill(label);
  await page.getByRole("button", { name: "Buat token" }).click();
  return ((await page.getByTestId("new-token").textContent()) ?? "").trim();
}
