import { z } from 'zod';
import { matchChoice, type ChoiceMatch } from './choice.ts';

/** The PP 50/2025 discount differs for transport work (ojek, sopir, kurir, becak) and the rest. */
export type Sector = 'transport' | 'other';

/** An occupation from flows/data/pekerjaan.yaml. No official BPU code list exists: this is Payung's. */
export interface Occupation {
  readonly code: string;
  readonly label: string;
  readonly sector: Sector;
  readonly aliases: readonly string[];
}

/** The occupation with this code, if listed. */
export function findOccupation(occupations: readonly Occupation[], code: string): Occupation | undefined {
  return occupations.find((o) => o.code === code);
}

/** The occupation a vendor names, by number in the list, label words or alias ("ojol", "pkl"). */
export function matchOccupation(text: string, occupations: readonly Occupation[]): ChoiceMatch<OccupationOption> {
  return matchChoice(text, occupations.map(toOption));
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
