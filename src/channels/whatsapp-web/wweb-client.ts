import type { EventEmitter } from 'node:events';

/**
 * The part of whatsapp-web.js's `Client` Payung uses. The real Client fits it; tests inject
 * test/helpers/fake-wweb-client.ts. Events: `qr` (string), `authenticated`, `ready`,
 * `auth_failure` (string), `message` (Message), `disconnected` (reason).
 */
export interface WwebClient extends Pick<EventEmitter, 'on' | 'removeAllListeners'> {
  initialize(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<{ readonly id: { readonly _serialized: string } }>;
  destroy(): Promise<void>;
}

/** What Payung asks of a new client: where LocalAuth keeps the session, which browser to run. */
export interface WwebClientOptions {
  /** LocalAuth's dataPath: the linked session lives here and survives restarts. */
  readonly dataPath: string;
  readonly clientId: string;
  readonly executablePath: string;
}

export type CreateWwebClient = (options: WwebClientOptions) => WwebClient;
