import { existsSync } from 'node:fs';
import wwebjs from 'whatsapp-web.js';
import { ConfigError } from '../../lib/errors.ts';
import type { WwebClient, WwebClientOptions } from './wweb-client.ts';

// The named import typechecks but fails at run time (CommonJS): take the default and destructure.
const { Client, LocalAuth } = wwebjs;

/**
 * A real whatsapp-web.js Client on the system's Chromium with the session kept by LocalAuth under
 * `dataPath`. Throws a ConfigError naming the package and the variable when the browser is
 * missing, before anything is launched.
 */
export function createWwebClient(options: WwebClientOptions): WwebClient {
  assertBrowserExists(options.executablePath);
  return new Client({
    authStrategy: new LocalAuth({ clientId: options.clientId, dataPath: options.dataPath }),
    puppeteer: {
      executablePath: options.executablePath,
      headless: true,
      // Chromium refuses to start as root with its sandbox; servers often run as root.
      args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage'],
    },
  }) as unknown as WwebClient;
}

export function assertBrowserExists(executablePath: string): void {
  if (existsSync(executablePath)) return;
  throw new ConfigError(
    'PUPPETEER_EXECUTABLE_PATH',
    `no browser at ${executablePath}. WhatsApp (whatsapp-web.js) runs the system's Chromium: install the Debian package ` +
      '`chromium` (apt-get install -y --no-install-recommends chromium), or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome executable.',
  );
}
