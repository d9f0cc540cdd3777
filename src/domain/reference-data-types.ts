import type { Occupation } from './occupations.ts';
import type { RateTable } from './rate-table.ts';
import type { ReminderRules } from './reminder-rules.ts';
import type { RegionIndex } from './regions.ts';

/**
 * The data the flows read besides the conversation: regions (idn-area-data), occupations,
 * rates and the alias table. Loaded once at start by src/runtime/reference-data.ts and passed
 * into pure code as an argument.
 */
export interface ReferenceData {
  readonly regions: RegionIndex;
  readonly provinces: readonly { readonly code: string; readonly name: string }[];
  readonly regencies: readonly { readonly code: string; readonly provinceCode: string; readonly name: string }[];
  readonly occupations: readonly Occupation[];
  readonly rates: RateTable;
  /** When payment reminders go out (flows/data/pengingat.yaml). */
  readonly reminders: ReminderRules;
  /** Kemendagri province codes ("31"), for NIK checks. */
  readonly provinceCodes: ReadonlySet<string>;
  /** Regency/city codes ("31.74"); a NIK's missing code is a soft warning only. */
  readonly regencyCodes: ReadonlySet<string>;
}
