/**
 * A separate process that writes a package-sized file into its private temporary directory until
 * it is killed (as a package build does). Prints `WRITING <dir>` once the file has begun.
 */
import fs from "node:fs";
import path from "node:path";
import { makeTempDir } from "@/lib/files/temp-dirs";

const dir = makeTempDir("package");
const out = fs.createWriteStream(path.join(dir, "paket-iga-2023.zip"));
const block = Buffer.alloc(1024 * 1024, 0x50);
out.write(block);
process.stdout.write(`WRITING ${dir}\n`);
setInterval(() => out.write(block), 20);
