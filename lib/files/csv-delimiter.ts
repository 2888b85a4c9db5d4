/**
 * Indonesian Excel writes ";"-separated CSV (the comma is its decimal mark); others write ",".
 * Counts the candidates outside quotes in the header line. Shared by the innovation and the
 * beneficiary imports.
 */
export function detectDelimiter(headerLine: string): ";" | "," | "\t" {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts["\t"] > counts[";"] && counts["\t"] > counts[","]) return "\t";
  return counts[";"] > counts[","] ? ";" : ",";
}
