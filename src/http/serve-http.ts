import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { PayungError } from '../lib/errors.ts';

export interface ServedHttp {
  /** Where a browser reaches the server, e.g. `http://127.0.0.1:3000/` (the simulator's chat page). */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Listens on host:port (port 0 picks a free one) with the composed app: every channel's routes,
 * webhooks and /healthz. The simulator has no login: keep the host on 127.0.0.1 unless you mean
 * to share it on your network. A port already in use is a PayungError saying what to do.
 */
export function serveHttp(app: Hono, options: { host: string; port: number }): Promise<ServedHttp> {
  return new Promise<ServedHttp>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
      server.off('error', reject);
      resolve({ url: `http://${hostForUrl(options.host)}:${info.port}/`, close: () => closeServer(server) });
    });
    server.once('error', reject);
  }).catch((error: unknown) => {
    throw (error as { code?: string }).code === 'EADDRINUSE'
      ? new PayungError(`Port ${options.port} on ${options.host} is already used by another program (another Payung?): stop it, or set PORT=… or --port to a free port.`, { cause: error })
      : error;
  });
}

function closeServer(server: ReturnType<typeof serve>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // A polling browser keeps connections alive; without this close() would wait for it to leave.
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
