/**
 * Chart colours: each keeps a 3:1 contrast against white and the pairs stay apart for common
 * colour blindness. A plain module (not "use client"), so server components can pass the values.
 */
export const CHART_COLORS = {
  primary: "#17643a",
  secondary: "#b45309",
  tertiary: "#1d4ed8",
  /** The same meaning has the same colour on every chart: residents green, services (records) amber. */
  residents: "#17643a",
  services: "#b45309",
  male: "#1d4ed8",
  female: "#be185d",
} as const;
