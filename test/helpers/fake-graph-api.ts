import { serve } from '@hono/node-server';
import { Hono } from 'hono';

export interface RecordedGraphRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

export interface FakeGraphReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A local stand-in for the Graph API's `/{version}/{phone-number-id}/messages` on 127.0.0.1 and a
 * free port. It records every request and answers `{ messages: [{ id: 'wamid.FAKE<n>' }] }`, or
 * the replies queued with `answerNext` (errors, throttling), one per request.
 */
export async function startFakeGraphApi() {
  const requests: RecordedGraphRequest[] = [];
  const queued: FakeGraphReply[] = [];
  let sent = 0;
  const app = new Hono();

  app.post('/:version/:phoneNumberId/messages', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    requests.push({ method: 'POST', path: c.req.path, authorization: c.req.header('authorization'), body });
    const reply = queued.shift();
    if (reply !== undefined) {
      for (const [name, value] of Object.entries(reply.headers ?? {})) c.header(name, value);
      return c.json(reply.body as object, reply.status as 400);
    }
    sent += 1;
    const to = (body as { to?: string } | undefined)?.to ?? '';
    return c.json({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.FAKE${sent}` }] });
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake Graph API has no port');

  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    requests,
    /** The next request gets this answer instead of success. */
    answerNext(reply: FakeGraphReply): void {
      queued.push(reply);
    },
    /** A Graph API error body, as Meta shapes it. */
    graphError(code: number, message: string, details?: string) {
      return { error: { message, type: 'OAuthException', code, ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}), fbtrace_id: 'Afake' } };
    },
    close(): Promise<void> {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  };
}

export type FakeGraphApi = Awaited<ReturnType<typeof startFakeGraphApi>>;
