import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../../src/lib/keyed-queue.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedQueue', () => {
  it('runs one key in order and other keys alongside, then forgets idle keys', async () => {
    const serial = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name}>`);
      await tick(ms);
      log.push(`<${name}`);
      return name;
    };
    const results = await Promise.all([serial.run('a', task('a1', 30)), serial.run('a', task('a2', 1)), serial.run('b', task('b1', 1))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('<a1')).toBeLessThan(log.indexOf('a2>'));
    expect(log.indexOf('<b1')).toBeLessThan(log.indexOf('<a1'));
    await tick(0);
    expect(serial.size).toBe(0);
  });

  it('goes on with the next task after one fails', async () => {
    const serial = new KeyedQueue();
    const failed = serial.run('a', () => Promise.reject(new Error('boom')));
    const next = serial.run('a', async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
