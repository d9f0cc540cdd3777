import { Hono } from 'hono';
import { checkHealth, type HealthOptions } from '../runtime/health.ts';

/**
 * `GET /healthz` of the composed server: 200 with the report when ok, 503 when degraded or down,
 * never cached. Mounted before any channel's routes, so it answers for the whole process.
 */
export function healthRoute(options: HealthOptions): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const report = await checkHealth(options);
    return c.json(report, report.status === 'ok' ? 200 : 503, { 'Cache-Control': 'no-store' });
  });
  return app;
}
