import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface ServedWebChat {
  /** Where a browser can open the chat, e.g. `http://127.0.0.1:3000/`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Listens on host:port (port 0 picks a free one). The simulator has no login: keep the host on
 * 127.0.0.1 unless you mean to share it on your network.
 */
export function serveWebChat(app: Hono, options: { host: string; port: number }): Promise<ServedWebChat> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
      server.off('error', reject);
      resolve({ url: `http://${hostForUrl(options.host)}:${info.port}/`, close: () => closeServer(server) });
    });
    server.once('error', reject);
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
