/**
 * The trend charts' colours. A plain module (not "use client"), so the server-rendered legend reads
 * the values themselves rather than a client reference.
 */

/** Band tints from the lowest category up; light enough that the lines keep their contrast. */
export const BAND_COLORS = ["#fde2e2", "#fdf0c4", "#d7f2de", "#dbeafe"] as const;

/** Peer line colours: apart from the regency's two and from each other; peers are dashed as well. */
export const PEER_COLORS = ["#7c3aed", "#0e7490", "#be185d", "#4d7c0f", "#475569", "#c2410c"] as const;
