import { z } from 'zod';
import { matchChoice, type ChoiceMatch } from './choice.ts';
import { editDistance } from './fuzzy.ts';
import { normalizeText, wordsOf } from './normalize-text.ts';

/** The PP 50/2025 discount differs for transport work (ojek, sopir, kurir, becak) and the rest. */
export type Sector = 'transport' | 'other';

/** An occupation from flows/data/pekerjaan.yaml. No official BPU code list exists: this is Payung's. */
export interface Occupation {
  readonly code: string;
  readonly label: string;
  readonly sector: Sector;
  readonly aliases: readonly string[];
  /** On the short list the occupation question shows; the rest are found by name. */
  readonly shown?: boolean;
  /** Not BPU work: an employer registers it (a personal driver). Named only to say so. */
  readonly wageEarner?: boolean;
}

/** The entry whose choice asks the vendor to describe their work in words. */
export const OTHER_OCCUPATION = 'lainnya';

/** The short list a vendor sees, in file order, `lainnya` last; the whole list if none is marked. */
export function shownOccupations(occupations: readonly Occupation[]): Occupation[] {
  const shown = occupations.filter((o) => o.shown === true && !o.wageEarner);
  if (shown.length === 0) return occupations.filter((o) => !o.wageEarner);
  return [...shown.filter((o) => o.code !== OTHER_OCCUPATION), ...shown.filter((o) => o.code === OTHER_OCCUPATION)];
}

/**
 * Every occupation, the shown ones first so that "dua" means the second on screen, and the rest
 * after them so that "tukang parkir" is found though it is not on the short list.
 */
export function occupationsByScreenOrder(occupations: readonly Occupation[]): Occupation[] {
  const shown = shownOccupations(occupations);
  return [...shown, ...occupations.filter((o) => !shown.includes(o))];
}

/** The occupation with this code, if listed. */
export function findOccupation(occupations: readonly Occupation[], code: string): Occupation | undefined {
  return occupations.find((o) => o.code === code);
}

/** The occupation a vendor names, by number in the list, label words or alias ("ojol", "pkl"). */
export function matchOccupation(text: string, occupations: readonly Occupation[]): ChoiceMatch<OccupationOption> {
  return matchChoice(text, occupations.map(toOption));
}

/**
 * True when the words typed name this occupation outright: every word of its label or of an
 * alias is there ("narik ojol"), or every word typed is one of theirs ("keliling"), each word
 * allowing one slip ("tukang parkr"). matchChoice also accepts a near miss of the whole phrase,
 * which is how "tukang pijat" comes out as "tukang pikul": a job is confirmed before it is kept.
 */
export function namesOccupationOutright(text: string, occupation: Occupation): boolean {
  const typed = wordsOf(normalizeText(text));
  if (typed.length === 0) return false;
  const names = [occupation.label, ...occupation.aliases].map((n) => wordsOf(normalizeText(n, { keepPoliteWords: true })));
  const near = (a: string, b: string) => a === b || (a.length >= 4 && b.length >= 4 && editDistance(a, b, 1) <= 1);
  return names.some((name) => name.length > 0 && (
    name.every((n) => typed.some((w) => near(w, n))) || typed.every((w) => name.some((n) => near(w, n)))
  ));
}

export interface OccupationOption {
  readonly value: string;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly occupation: Occupation;
}

/** Schema of pekerjaan.yaml: `occupations:` a list of { code, label, sector, aliases }. */
export const occupationFileSchema = z.object({
  occupations: z.array(z.object({
    code: z.string().regex(/^[a-z0-9_]+$/, 'code: lower-case letters, digits and _ only'),
    label: z.string().min(1),
    sector: z.enum(['transport', 'other']),
    aliases: z.array(z.string().min(1)).default([]),
    shown: z.boolean().default(false),
    wageEarner: z.boolean().default(false),
  })).min(1).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((o, i) => {
      if (seen.has(o.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate code ${o.code}` });
      seen.add(o.code);
    });
  }),
});

function toOption(occupation: Occupation): OccupationOption {
  return { value: occupation.code, label: occupation.label, aliases: occupation.aliases, occupation };
}
