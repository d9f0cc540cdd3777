import type { InputType } from './input-type.ts';
import { birthDateInput } from './birth-date-input.ts';
import { choiceInput } from './choice-input.ts';
import { fullNameInput } from './full-name-input.ts';
import { moneyInput } from './money-input.ts';
import { nikInput } from './nik-input.ts';
import { occupationInput } from './occupation-input.ts';
import { occupationWordsInput } from './occupation-words-input.ts';
import { paymentReferenceInput } from './payment-reference-input.ts';
import { phoneInput } from './phone-input.ts';
import { provinceInput, regencyInput } from './region-inputs.ts';
import { summaryInput } from './summary-input.ts';
import { textInput } from './text-input.ts';
import { yesNoInput } from './yes-no-input.ts';

/** Every input type a flow script may name in `ask.type`. */
export const inputTypes: ReadonlyMap<string, InputType> = new Map(
  [birthDateInput, choiceInput, fullNameInput, moneyInput, nikInput, occupationInput, occupationWordsInput, paymentReferenceInput, phoneInput, provinceInput, regencyInput, summaryInput, textInput, yesNoInput]
    .map((input) => [input.name, input]),
);
