/**
 * PostgreSQL array literals, so that a whole chunk travels as one parameter per column
 * (`unnest($1::uuid[], …)`). Drizzle expands a JS array into one parameter per element, which for
 * 5,000 rows × 9 columns would exceed the protocol's 65,535-parameter limit and parse slowly; a
 * literal works the same on postgres.js and PGlite.
 */
export function pgArray(values: readonly (string | number | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i) out += ",";
    const v = values[i];
    if (v === null) out += "NULL";
    else if (typeof v === "number") out += String(v);
    else out += `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return `${out}}`;
}
