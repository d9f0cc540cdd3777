import type { View } from './view.ts';
import { agentView, billView, nikDateView } from './result-views.ts';
import { quoteView } from './quote-view.ts';
import { summaryView } from './summary-view.ts';
import { accountView, newPeriodView, ownPaymentView } from './account-view.ts';

/** Every view a text may use, by the placeholder prefix it fills. */
export const views: ReadonlyMap<string, View> = new Map([agentView, billView, nikDateView, quoteView, summaryView, accountView, newPeriodView, ownPaymentView].map((v) => [v.prefix, v]));
