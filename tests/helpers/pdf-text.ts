import { inflateSync } from "node:zlib";

/**
 * The text of a PDF: its Flate streams inflated and PDFKit's hex-encoded strings (<4e494b>)
 * decoded, so a NIK printed on a page would be seen.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  let text = "";
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      text += inflateSync(pdf.subarray(start, end)).toString("latin1");
    } catch {
      /* not Flate (fonts, images) */
    }
  }
  // Each TJ array holds one run of text as hex strings split by kerning numbers.
  const runs = [...text.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((m) =>
    [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], "hex").toString("latin1")).join(""),
  );
  return runs.join(" ");
}
