import type { Ack } from './errors.js';
import type { ClientEventName, ClientPayloadInput, ClientResult } from './client-events.js';
import type { ServerEventName, ServerPayload } from './server-events.js';

/** Socket.IO's typed-event maps, derived from the schemas so names and payloads have one source. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayloadInput<E>, ack: (response: Ack<ClientResult<E>>) => void) => void;
};

export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerPayload<E>) => void;
};
