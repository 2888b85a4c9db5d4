import { Alert } from "@/components/ui/alert";
import type { ActionState } from "@/lib/http/action-result";

/**
 * A refused action's message with each field's problem listed under it. `showField` prefixes each
 * problem with its field's path, for forms whose fields have no label of their own to point at.
 */
export function ActionError({ state, showField = false }: { state: ActionState; showField?: boolean }) {
  if (!state.error) return null;
  return (
    <Alert tone="error">
      {state.error}
      {state.fields && (
        <ul className="mt-1 list-disc pl-5">
          {Object.entries(state.fields).map(([field, message]) => (
            <li key={field}>
              {showField && (
                <>
                  <code>{field}</code>:{" "}
                </>
              )}
              {message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
