import path from "node:path";
import { Worker } from "node:worker_threads";
import PdfPrinter from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

/*
 * PDFs are drawn with pdfmake (over PDFKit, not a browser print). The PDF standard fonts
 * (Helvetica, Courier) carry every Latin letter Bahasa Indonesia needs and embed nothing, so files
 * stay small. pdfmake lays a whole document out synchronously: a book of a hundred profiles keeps
 * the CPU for seconds, and on the embedded database every other request would wait. So documents
 * are laid out in one worker thread; where a worker cannot start, in this thread.
 */
const FONTS = {
  Helvetica: {
    normal: "Helvetica",
    bold: "Helvetica-Bold",
    italics: "Helvetica-Oblique",
    bolditalics: "Helvetica-BoldOblique",
  },
  Courier: { normal: "Courier", bold: "Courier-Bold", italics: "Courier-Oblique", bolditalics: "Courier-BoldOblique" },
};

export const PDF_BRAND = "#0f4c81";
export const PDF_MUTED = "#555555";

/** A page footer as data (a function cannot cross to the worker): `{page}` and `{pages}` are filled in. */
export interface FooterSpec {
  left?: string;
  right: string;
  margin: [number, number, number, number];
}

export type PdfDocument = Omit<TDocumentDefinitions, "footer">;

/**
 * Named table layouts a document may use (`layout: "fields"`), defined in both threads: a layout
 * is functions, which cannot cross to the worker. "fields": a list of label/value rows with light
 * rules between them and none above the first (pdfmake's "lightHorizontalLines" draws the first
 * row's rule black, as under a header).
 */
function tableLayouts() {
  // Assigned one by one, not as an object literal: a bundler keeping function names wraps literal
  // members in a helper (esbuild's __name) that the worker's copy of this code would not have.
  const fields: Record<string, unknown> = {};
  fields.hLineWidth = (i: number, node: { table: { body: unknown[] } }) =>
    i === 0 || i === node.table.body.length ? 0 : 0.5;
  fields.vLineWidth = () => 0;
  fields.hLineColor = () => "#bbbbbb";
  fields.paddingLeft = (i: number) => (i === 0 ? 0 : 8);
  fields.paddingRight = () => 0;
  fields.paddingTop = () => 3;
  fields.paddingBottom = () => 3;
  return { fields };
}
export type PdfTableLayout = keyof ReturnType<typeof tableLayouts>;

/** Turns the footer spec into pdfmake's footer function; the worker carries the same code as text. */
function footerOf(spec: FooterSpec, muted: string) {
  return (page: number, pages: number) => ({
    columns: [
      { text: spec.left ?? "", fontSize: 7, color: muted },
      {
        text: spec.right.replace("{page}", String(page)).replace("{pages}", String(pages)),
        alignment: "right",
        fontSize: 8,
        color: muted,
      },
    ],
    margin: spec.margin,
  });
}

function renderHere(doc: PdfDocument, footer?: FooterSpec): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const definition = (footer ? { ...doc, footer: footerOf(footer, PDF_MUTED) } : doc) as TDocumentDefinitions;
    const pdf = new PdfPrinter(FONTS).createPdfKitDocument(definition, { tableLayouts: tableLayouts() });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const PdfPrinter = require(workerData.pdfmake);
const printer = new PdfPrinter(workerData.fonts);
const footerOf = ${footerOf.toString()};
const tableLayouts = (${tableLayouts.toString()})();
parentPort.on("message", ({ id, doc, footer }) => {
  try {
    if (footer) doc.footer = footerOf(footer, workerData.muted);
    const pdf = printer.createPdfKitDocument(doc, { tableLayouts });
    const chunks = [];
    pdf.on("data", (c) => chunks.push(c));
    pdf.on("end", () => {
      const bytes = Buffer.concat(chunks);
      parentPort.postMessage({ id, bytes }, [bytes.buffer]);
    });
    pdf.on("error", (e) => parentPort.postMessage({ id, error: String(e && e.stack || e) }));
    pdf.end();
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.stack || e) });
  }
});`;

type Pending = { resolve: (b: Buffer) => void; reject: (e: Error) => void };
let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (worker || broken) return worker;
  // PDF_WORKER=off lays documents out on this thread (the benchmark's comparison).
  if (process.env.PDF_WORKER === "off") return null;
  try {
    const pdfmake = path.join(process.cwd(), "node_modules", "pdfmake");
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { pdfmake, fonts: FONTS, muted: PDF_MUTED } });
    w.unref(); // an idle renderer never keeps the process alive
    w.on("message", (m: { id: number; bytes?: Uint8Array; error?: string }) => {
      const job = pending.get(m.id);
      if (!job) return;
      pending.delete(m.id);
      if (m.bytes) job.resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
      else job.reject(new Error(`PDF rendering failed: ${m.error}`));
    });
    const fail = (error: Error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      worker = null;
    };
    w.on("error", (e) => {
      broken = true; // a worker that cannot load pdfmake will not load it next time either
      fail(e);
    });
    w.on("exit", (code) => code !== 0 && fail(new Error(`PDF worker exited with ${code}`)));
    worker = w;
  } catch {
    broken = true;
  }
  return worker;
}

/** A document rendered to bytes, laid out off the main thread when a worker is available. */
export function renderPdf(doc: PdfDocument, footer?: FooterSpec): Promise<Buffer> {
  const w = startWorker();
  if (!w) return renderHere(doc, footer);
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, doc, footer });
  }).catch((error) => (broken ? renderHere(doc, footer) : Promise.reject(error)));
}

/** For tests: whether documents are laid out in the worker thread. */
export function pdfWorkerRunning(): boolean {
  return worker !== null && !broken;
}
