import { StatusPage } from "@/components/shell/status-page";

/** The 404 page inside the signed-in shell (the shell's layout holds the page's one <main>). */
export default function NotFound() {
  return <StatusPage status={404} inShell />;
}
