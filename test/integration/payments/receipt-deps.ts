import { join } from 'node:path';
import type { Catalogs } from '../../../src/i18n/catalog.ts';
import { readFlowFiles } from '../../../src/runtime/flow-files.ts';
import type { ReceiptDeps } from '../../../src/runtime/payment-receipt.ts';
import { loadReferenceData } from '../../../src/runtime/reference-data.ts';

let loaded: Promise<{ catalogs: Catalogs; deps: ReceiptDeps }> | null = null;

/** Receipts written from the repository's locales and calendar, as the admin commands do. */
export async function testReceipts(): Promise<ReceiptDeps> {
  loaded ??= (async () => {
    const [{ rates }, files] = await Promise.all([loadReferenceData(join('flows', 'data')), readFlowFiles('flows', 'locales')]);
    return { catalogs: files.catalogs, deps: { calendar: rates, catalogs: () => Promise.resolve(files.catalogs) } };
  })();
  return (await loaded).deps;
}
