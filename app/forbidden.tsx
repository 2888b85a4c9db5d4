import { StatusPage } from "@/components/shell/status-page";

export default function Forbidden() {
  return <StatusPage status={403} messageKey="forbidden" />;
}
