import { expect, test } from "@playwright/test";
import { signedInAs } from "./helpers";

test("Bappeda staff find Payo Beladas, edit a field and see the change in its history", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations");
  await page.locator("#q").fill("Payo");
  await expect(page).toHaveURL(/q=Payo/);
  await expect(page.getByTestId("innovation-total")).toHaveText("1 inovasi");
  await page.getByRole("link", { name: "Payo Beladas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payo Beladas" })).toBeVisible();
  // The flagship's profile is complete, rancang bangun over 300 words included.
  await expect(page.getByTestId("completeness")).toContainText("Profil lengkap dan siap dilaporkan.");

  await page.getByRole("link", { name: "Ubah profil" }).click();
  await expect(page.getByTestId("design-word-count")).toContainText("kata (minimal 300)");
  await page.getByLabel("Hasil inovasi").fill("Loket kependudukan aktif di 105 desa; uji e2e.");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Perubahan disimpan.")).toBeVisible();
  await expect(page.getByText("Loket kependudukan aktif di 105 desa; uji e2e.")).toBeVisible();

  await page.getByRole("tab", { name: "Riwayat" }).click();
  const latest = page.getByTestId("history").locator("li").first();
  await expect(latest).toContainText("Diubah");
  await expect(latest).toContainText("bappeda@demo.local");
  await expect(latest).toContainText("Hasil inovasi");
  // The untouched multi-line fields went back as CRLF from the browser: no change recorded for them.
  await expect(latest).not.toContainText("Rancang bangun");
  await expect(latest.locator("ins", { hasText: "uji e2e" })).toHaveText(
    "Loket kependudukan aktif di 105 desa; uji e2e.",
  );
});

test("a draft saves incomplete, a bad date is named in Indonesian, and the live word count follows typing", async ({
  page,
}) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations/new");
  await page.getByLabel("Nama inovasi").fill("Inovasi Uji E2E");
  await page.getByLabel("Perangkat daerah").selectOption({ label: "Dinas Kesehatan" });
  await page.getByLabel("Rancang bangun").fill("satu dua tiga");
  await expect(page.getByTestId("design-word-count")).toContainText("3 kata");
  await page.getByLabel("Waktu uji coba").fill("2024-05-01");
  await page.getByLabel("Waktu penerapan").fill("2024-01-01");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Waktu uji coba tidak boleh setelah waktu penerapan.")).toBeVisible();
  await page.getByLabel("Waktu penerapan").fill("2024-06-01");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inovasi Uji E2E" })).toBeVisible();
  await expect(page.getByTestId("completeness")).toContainText("Belum lengkap");
});

test("agency staff cannot edit another agency's innovation, but can edit their own", async ({ page }) => {
  await signedInAs(page, "opd@demo.local");
  await page.goto("/innovations?q=Pak+Kur");
  await page.getByRole("link", { name: "Pak Kur" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pak Kur" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ubah profil" })).toHaveCount(0);
  const res = await page.goto(page.url().replace(/\?.*$/, "") + "/edit");
  expect(res?.status()).toBe(403);

  await page.goto("/innovations?q=Payo");
  await page.getByRole("link", { name: "Payo Beladas" }).click();
  await expect(page.getByRole("link", { name: "Ubah profil" })).toBeVisible();
});

test("the Profil 2026 section: coordinates come in pairs, and the saved fields show on the page", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations/new");
  await page.getByLabel("Nama inovasi").fill("Inovasi Profil 2026 E2E");
  await page.getByLabel("Perangkat daerah").selectOption({ label: "Dinas Sosial" });
  const section = page.getByTestId("profile-2026");
  await expect(section).toContainText("Profil 2026: 0 dari 5 isian terisi");
  await section.getByLabel("Lintang (derajat)").fill("-4.05");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.")).toBeVisible();

  await section.getByLabel("Bujur (derajat)").fill("105.4");
  await section.getByLabel("Klasifikasi inovasi").selectOption({ label: "Replikasi (dari daerah lain)" });
  await section.getByLabel("Prioritas Asta Cita").selectOption("6");
  await section.getByLabel("Klaster prioritas nasional").selectOption({ label: "Ketahanan pangan" });
  await section.getByLabel("Tanggal perkembangan terakhir").fill("2026-03-02");
  await expect(section).toContainText("Profil 2026: 5 dari 5 isian terisi");
  await page.getByRole("button", { name: "Simpan" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Inovasi Profil 2026 E2E" })).toBeVisible();
  const view = page.getByTestId("profile-2026-view");
  await expect(view).toContainText("Replikasi (dari daerah lain)");
  await expect(view).toContainText("6. Membangun dari desa dan dari bawah");
  await expect(view).toContainText("Ketahanan pangan");
  await expect(view).toContainText("2 Maret 2026");
  await expect(view.getByRole("link", { name: "Lihat di peta" })).toHaveAttribute("href", /mlat=-4\.05&mlon=105\.4/);
});
