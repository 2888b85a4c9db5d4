/**
 * A JSON request from the import page: the body, and the server's own error message when it
 * refused (null when the server could not be reached or gave none). Never throws.
 */
export async function getJson<T>(
  url: string,
  init?: RequestInit,
): Promise<{ ok: boolean; body: T | null; error: string | null }> {
  try {
    const res = await fetch(url, init);
    const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
    return { ok: res.ok, body, error: res.ok ? null : (body?.error?.message ?? null) };
  } catch {
    return { ok: false, body: null, error: null };
  }
}
