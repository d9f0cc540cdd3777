import { t } from '../../i18n/translate.ts';
import type { Catalogs } from '../../i18n/catalog.ts';

/** '2026-12' → "Desember 2026" (month names live in the locales: sistem.bulan.1 … 12). */
export function monthName(catalogs: Catalogs, languages: readonly string[], month: string): string {
  const [year, mm] = month.split('-');
  return `${t(catalogs, languages, `sistem.bulan.${Number(mm)}`)} ${year}`;
}

/** '2026-12-15' → "15 Desember 2026". */
export function longDate(catalogs: Catalogs, languages: readonly string[], iso: string): string {
  const [year, mm, dd] = iso.split('-');
  return `${Number(dd)} ${t(catalogs, languages, `sistem.bulan.${Number(mm)}`)} ${year}`;
}
