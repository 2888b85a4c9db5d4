/** The evidence files that can be shown as photos in the public gallery (checked by their bytes on upload). */
export const PUBLIC_PHOTO_TYPES: ReadonlySet<string> = new Set(["image/jpeg", "image/png"]);
