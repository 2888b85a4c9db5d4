import sharp from "sharp";

/*
 * The copy of an evidence photo that visitors see. A phone's photo carries its GPS position, the
 * device and the time in its EXIF block; a photo of a village counter may also be far larger than
 * a page needs. The copy is decoded and encoded again (sharp, on libvips): turned upright by its
 * orientation tag, at most MAX_SIDE pixels on its longer side, as JPEG, with no metadata at all.
 */

const MAX_SIDE = 1600;
/** A decompression bomb (a tiny file claiming a huge image) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 60_000_000;

export async function publicPhotoCopy(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}
