import { describe, expect, it } from "vitest";
import { pdfWorkerRunning, renderPdf } from "@/lib/pdf/render";
import { pdfText } from "@/tests/helpers/pdf-text";

describe("PDF rendering", () => {
  it("lays documents out in a worker thread, with the footer spec filled in on every page", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [String(i + 1), `Baris ${i + 1}`]);
    const bytes = await renderPdf(
      { pageSize: "A4", defaultStyle: { font: "Helvetica" }, content: [{ text: "Judul" }, { table: { body: rows } }] },
      { left: "Kabupaten Mesuji", right: "Halaman {page} dari {pages}", margin: [40, 16, 40, 0] },
    );
    expect(pdfWorkerRunning()).toBe(true);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(bytes).replace(/\s+/g, " ");
    expect(text).toContain("Baris 120");
    expect(text).toMatch(/Halaman 1 dari ([2-9])/);
    const pages = Number(/Halaman 1 dari (\d+)/.exec(text)![1]);
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
    expect(text.match(/Kabupaten Mesuji/g)?.length).toBe(pages);
  });

  it("answers several documents at once, each its own, and reports a broken one as an error", async () => {
    const docs = await Promise.all(
      [1, 2, 3].map((n) => renderPdf({ content: [{ text: `Dokumen ${n}` }], defaultStyle: { font: "Helvetica" } })),
    );
    docs.forEach((bytes, i) => expect(pdfText(bytes).replace(/\s+/g, " ")).toContain(`Dokumen ${i + 1}`));
    await expect(renderPdf({ content: [{ text: "x", font: "TidakAda" }] })).rejects.toThrow(/PDF rendering failed/);
  });
});
