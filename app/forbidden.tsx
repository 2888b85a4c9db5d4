import { StatusPage } from "@/components/shell/status-page";

/** The 403 page outside the signed-in shell, with its own <main>. */
export default function Forbidden() {
  return <StatusPage status={403} />;
}
