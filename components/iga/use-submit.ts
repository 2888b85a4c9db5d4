"use client";

import { type FormEvent, startTransition } from "react";

/**
 * Submits a form to a useActionState action without React's automatic form reset, which would
 * wipe what the person chose when the server answers with an error (a "needs work" without a
 * comment, say). The form keeps `action={action}` too, so it still posts before hydration.
 */
export function submitWithoutReset(action: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  };
}
