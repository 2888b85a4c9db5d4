import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signedInAs } from "./helpers";

/* The public gallery, as a visitor without an account sees it. */

test("a visitor opens /, finds the flagships, opens Payo Beladas with its reach and a link preview image", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kabupaten Mesuji");
  const cards = page.getByTestId("gallery-card");
  await expect(cards.nth(0)).toContainText("Pak Kur");
  await expect(cards.nth(1)).toContainText("Payo Beladas");
  await expect(page.getByTestId("gallery-card").filter({ hasText: "Contoh" }).first()).toBeVisible();
  await expect(page.getByTestId("iga-history")).toContainText("155");

  // Search held in the URL.
  await page.getByLabel("Cari nama inovasi").fill("payo");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/q=payo/);
  await expect(cards).toHaveCount(1);

  await page.getByRole("link", { name: "Payo Beladas" }).click();
  await expect(page).toHaveURL(/\/inovasi\/payo-beladas$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payo Beladas");
  await expect(page.getByTestId("reach-residents")).toHaveText(/^(< 10|[\d.]+)$/);
  // The demo's Payo Beladas reaches dozens per kecamatan; a smaller cell would read "< 10" (tests/integration/gallery.test.ts).
  await expect(page.getByTestId("reach-kecamatan")).toContainText(/Mesuji Timur\s*(< 10|\d+)/);
  await expect(page.getByTestId("main-nav")).toHaveCount(0);

  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(/\/inovasi\/payo-beladas\/opengraph-image/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const image = await request.get(ogImage!);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");

  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(await sitemap.text()).toContain("/inovasi/payo-beladas");
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/api\//);
});

test("on a 390 px phone the gallery and an innovation page do not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/galeri", "/inovasi/pak-kur"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("an old /showcase link and a stale session cookie still land on the gallery", async ({ page, context }) => {
  await page.goto("/showcase");
  await expect(page).toHaveURL(/\/galeri$/);
  await context.addCookies([
    { name: "authjs.session-token", value: "not-a-valid-session", domain: "127.0.0.1", path: "/" },
  ]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/galeri$/);
  await expect(page.getByTestId("gallery-sign-in")).toBeVisible();
  await page.getByTestId("gallery-sign-in").click();
  await expect(page).toHaveURL(/\/login$/);
});

test("Bappeda hides an innovation from the gallery on its page and shows it again; the nav links to the gallery", async ({
  page,
  browser,
}) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.getByTestId("main-nav").getByRole("link", { name: "Galeri publik" }).click();
  await expect(page).toHaveURL(/\/galeri$/);
  await page.getByTestId("gallery-open-app").click();
  await expect(page.getByTestId("role-intro")).toBeVisible();
  await page.goto("/innovations?q=Payo");
  await page.getByRole("link", { name: "Payo Beladas" }).first().click();
  const toggle = page.getByTestId("publish-toggle");
  await expect(toggle.getByTestId("publish-status")).toHaveText("Tampil di galeri publik");
  await toggle.getByRole("button", { name: "Sembunyikan dari galeri" }).click();
  await expect(toggle.getByTestId("publish-status")).toHaveText("Tidak tampil di galeri publik");

  const visitor = await browser.newContext();
  const hidden = await visitor.newPage();
  expect((await hidden.goto("/inovasi/payo-beladas"))?.status()).toBe(404);

  await toggle.getByRole("button", { name: "Tampilkan di galeri" }).click();
  await expect(toggle.getByTestId("publish-status")).toHaveText("Tampil di galeri publik");
  expect((await hidden.goto("/inovasi/payo-beladas"))?.status()).toBe(200);
  await visitor.close();
});

test("Bappeda shows an evidence photo on the public page; visitors get it without the camera's metadata", async ({
  page,
  browser,
}) => {
  await signedInAs(page, "bappeda@demo.local");
  const base = new URL(page.url()).origin;
  const list = await page.request.get("/api/v1/innovations?q=Payo%20Beladas");
  const payo = ((await list.json()) as { items: { id: string; name: string }[] }).items.find(
    (i) => i.name === "Payo Beladas",
  )!;
  const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#2f855a" } })
    .jpeg()
    .withExif({ IFD0: { Make: "KameraRahasia" } })
    .toBuffer();
  const upload = await page.request.post("/api/v1/iga/2023/evidence", {
    headers: { origin: base },
    multipart: {
      indicatorCode: "INV-04",
      innovationId: payo.id,
      subject: "Loket Payo Beladas di balai desa",
      file: { name: "loket-desa.jpg", mimeType: "image/jpeg", buffer: photo },
    },
  });
  expect(upload.status()).toBe(201);

  await page.goto(`/innovations/${payo.id}?tab=indicators&year=2023`);
  const item = page.getByTestId("evidence-item").filter({ hasText: "loket-desa.jpg" });
  await item.getByRole("button", { name: "Tampilkan foto loket-desa.jpg di galeri publik" }).click();
  await expect(item.getByText("Tampil di galeri publik")).toBeVisible();

  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  await guest.goto("/inovasi/payo-beladas");
  const shown = guest.getByTestId("public-photos").getByRole("img", { name: "Loket Payo Beladas di balai desa" });
  await expect(shown).toBeVisible();
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
  const bytes = await (await guest.request.get((await shown.getAttribute("src"))!)).body();
  expect(bytes.includes(Buffer.from("KameraRahasia"))).toBe(false);

  // Hidden again: the page no longer shows it and its address answers 404.
  await item.getByRole("button", { name: "Sembunyikan foto loket-desa.jpg dari galeri publik" }).click();
  await expect(item.getByText("Tampil di galeri publik")).toHaveCount(0);
  expect((await guest.request.get((await shown.getAttribute("src"))!)).status()).toBe(404);
  await visitor.close();
});
