import { EventEmitter } from 'node:events';
import type { WwebClient, WwebClientOptions } from '../../src/channels/whatsapp-web/wweb-client.ts';
import type { WwebMessageLike } from '../../src/channels/whatsapp-web/to-inbound.ts';

/**
 * A stand-in for whatsapp-web.js's Client with the events and methods Payung uses. Tests drive it
 * by emitting (`qr`, `ready`, `message`, `disconnected`) and read what was sent.
 */
export class FakeWwebClient extends EventEmitter implements WwebClient {
  readonly sent: { chatId: string; content: string }[] = [];
  initialized = 0;
  destroyed = false;
  /** Makes the next sendMessage calls throw this. */
  failSends: Error | null = null;
  private nextId = 1;

  constructor(readonly options: WwebClientOptions) {
    super();
  }

  async initialize(): Promise<void> {
    this.initialized += 1;
  }

  async sendMessage(chatId: string, content: string) {
    if (this.failSends !== null) throw this.failSends;
    this.sent.push({ chatId, content });
    return { id: { _serialized: `true_${chatId}_OUT${this.nextId++}` } };
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  /** Emits an incoming message the way whatsapp-web.js does. */
  receive(message: Partial<WwebMessageLike> & { from: string; body?: string }): void {
    const full: WwebMessageLike = {
      id: { _serialized: `false_${message.from}_IN${this.nextId++}` },
      fromMe: false,
      body: '',
      type: 'chat',
      timestamp: 1_755_400_000,
      ...message,
    };
    this.emit('message', full);
  }
}

/** A createClient that remembers every client it made (a reconnect makes a new one). */
export function fakeWwebClients() {
  const clients: FakeWwebClient[] = [];
  return {
    clients,
    createClient: (options: WwebClientOptions) => {
      const client = new FakeWwebClient(options);
      clients.push(client);
      return client;
    },
    latest(): FakeWwebClient {
      const client = clients.at(-1);
      if (client === undefined) throw new Error('no client was created');
      return client;
    },
  };
}
