import type { Catalogs } from '../i18n/catalog.ts';
import type { ReferenceData } from '../domain/reference-data-types.ts';
import type { FlowContext } from './flow-context.ts';
import { isoToday } from '../domain/dates.ts';
import { timeZoneOfProvince } from '../domain/regions.ts';

/** What input types, guards, effects and views may read besides the context: data and the time. */
export interface FlowEnv {
  readonly data: ReferenceData;
  readonly catalogs: Catalogs;
  readonly now: Date;
}

/** The vendor's calendar date: in their province's zone once known, WIB until then. */
export function vendorToday(context: FlowContext, env: FlowEnv): string {
  const province = context.answers['provinsi'];
  const offset = typeof province === 'string' ? timeZoneOfProvince(province).utcOffset : 7;
  return isoToday(env.now, offset);
}
