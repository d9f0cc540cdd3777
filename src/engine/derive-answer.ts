import { t } from '../i18n/translate.ts';
import type { Catalogs } from '../i18n/catalog.ts';
import type { FlowContext } from './flow-context.ts';
import type { AskSpec } from './flow-script.ts';
import type { Json } from './json.ts';

export interface DerivedAnswer {
  readonly field: string;
  readonly value: Json;
  readonly display: string;
}

/**
 * The answer a question gets from an earlier one (`ask.derive`), or null when it must be asked:
 * a vendor who said "pedagang keliling" is not asked where they sell. Never while the vendor is
 * correcting this very question, and never over an answer they gave themselves.
 */
export function derivedAnswer(state: string, ask: AskSpec, context: FlowContext, catalogs: Catalogs): DerivedAnswer | null {
  const { derive, save } = ask;
  if (!derive || !save || context.editTarget === state || save in context.answers) return null;
  const given = context.answers[derive.from];
  if (given === undefined || given === null || typeof given === 'object') return null;
  const value = derive.values[String(given)];
  if (value === undefined) return null;
  const option = ask.options?.find((o) => o.value === value);
  // Shown as a choice's answer is: its label up to the amounts or notes that follow.
  const label = option ? t(catalogs, [context.lang, 'id'], option.label) : value;
  return { field: save, value, display: label.split(/[:(—]/u)[0]?.trim() || value };
}
