import { describe, expect, it } from 'vitest';
import { numberedChoice, untappedChoice } from '../../../src/engine/reply.ts';

describe('numbered choices', () => {
  it('shows option i as "i+1. label"', () => {
    expect(['Ya', 'Tidak'].map(numberedChoice)).toEqual(['1. Ya', '2. Tidak']);
  });

  it.each([
    ['2. Tidak', 'Tidak'],
    ['1. ya', 'Ya'],
    [' 2.  Tidak ', 'Tidak'],
  ])('reads a tapped %j as the option it shows', (tapped, option) => {
    expect(untappedChoice(tapped, ['Ya', 'Tidak'])).toBe(option);
  });

  it.each([
    ['a number with another option\'s label', '1. Tidak'],
    ['a number no option has', '3. Ya'],
    ['a date', '17. 08. 1985'],
    ['a plain answer', 'Tidak'],
  ])('leaves %s as typed', (_label, text) => {
    expect(untappedChoice(text, ['Ya', 'Tidak'])).toBe(text);
  });

  it('leaves the text as typed when no options are shown', () => {
    expect(untappedChoice('1. Ya', undefined)).toBe('1. Ya');
  });
});
