const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The request's id: the client's `x-request-id` when it is shaped like a UUID (a load balancer's
 * trace id), else a fresh one. Anything else a client sends is not trusted: the id lands in logs
 * and audit rows, and a free-text header could carry a NIK there.
 */
export function requestIdFrom(headers: Headers): string {
  const sent = headers.get("x-request-id")?.trim();
  return sent && UUID.test(sent) ? sent.toLowerCase() : crypto.randomUUID();
}
