import { expect, test } from "@playwright/test";
import { signedInAs, tokenFor } from "./helpers";

test("the API answers 401, 403 and 422 as JSON in the caller's language, and 201 on success", async ({
  page,
  request,
}) => {
  await signedInAs(page, "admin@demo.local");
  const admin = await tokenFor(page, "admin@demo.local", "api admin");
  const bappeda = await tokenFor(page, "bappeda@demo.local", "api bappeda");
  const auth = (token: string, lang = "id") => ({ authorization: `Bearer ${token}`, "accept-language": lang });

  const anonymous = await request.get("/api/v1/users");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthenticated");

  const wrongRole = await request.get("/api/v1/users", { headers: auth(bappeda) });
  expect(wrongRole.status()).toBe(403);
  expect((await wrongRole.json()).error.message).toContain("Peran Anda tidak memiliki akses");

  const invalid = await request.post("/api/v1/users", {
    headers: auth(admin, "en"),
    data: { email: "not-an-email", name: "A", role: "agency", password: "short" },
  });
  expect(invalid.status()).toBe(422);
  const body = await invalid.json();
  const fields = Object.fromEntries(
    body.error.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
  );
  expect(fields.email).toContain("Enter a valid email address");
  expect(fields.password).toContain("at least 10 characters");
  expect(fields.name).toBeDefined();

  const notJson = await request.post("/api/v1/users", {
    headers: { ...auth(admin), "content-type": "application/json" },
    data: "{oops",
  });
  expect(notJson.status()).toBe(422);

  const created = await request.post("/api/v1/users", {
    headers: auth(admin),
    data: { email: "Evaluator2@Demo.Local", name: "Evaluator Dua", role: "evaluator", password: "kata-sandi-panjang" },
  });
  expect(created.status()).toBe(201);
  const user = await created.json();
  expect(user.email).toBe("evaluator2@demo.local");
  expect(user).not.toHaveProperty("passwordHash");

  const agencies = await request.get("/api/v1/agencies", { headers: auth(bappeda) });
  expect(agencies.status()).toBe(200);
  expect((await agencies.json()).items.map((a: { code: string }) => a.code)).toContain("DISDUKCAPIL");
});

test("pages carry the security headers and the health check reports the embedded database", async ({ request }) => {
  const login = await request.get("/login");
  const csp = login.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(login.headers()["x-content-type-options"]).toBe("nosniff");
  expect(login.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(login.headers()["x-request-id"]).toBeTruthy();

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", database: "pglite" });
});
