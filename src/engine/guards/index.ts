import type { Guard } from './guard.ts';
import { birthDateMatchesNikGuard, equalsGuard, hasReferralGuard, nikRegionKnownGuard, noGuard, yesGuard } from './answer-guards.ts';
import { resultErrorGuard, resultIsGuard, resultOkGuard } from './result-guards.ts';
import { underAgeGuard } from './age-guards.ts';

/** Every guard a flow script may name in `when:`. */
export const guards: ReadonlyMap<string, Guard> = new Map(
  [yesGuard, noGuard, equalsGuard, hasReferralGuard, nikRegionKnownGuard, birthDateMatchesNikGuard, resultOkGuard, resultErrorGuard, resultIsGuard, underAgeGuard]
    .map((g) => [g.name, g]),
);
