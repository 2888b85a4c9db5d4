export * from "./regions";
export * from "./agencies";
export * from "./users";
export * from "./api-tokens";
export * from "./innovations";
export * from "./audit-log";
export * from "./iga";
export * from "./beneficiaries";
