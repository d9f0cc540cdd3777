import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, redactText } from '../../../src/lib/logger.ts';

/** A logger writing JSON lines into an array. */
function capture(level: Parameters<typeof createLogger>[0] = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(level, { name: 'test', destination }), lines };
}

describe('redactText', () => {
  it('masks a 16-digit run as twelve stars and the last four', () => {
    expect(redactText('NIK saya 3174010101900001 ya')).toBe('NIK saya ************0001 ya');
  });

  it('masks NIKs typed in groups and several in one text', () => {
    expect(redactText('3174 0101 0190 0001 dan 3174.0101.0190.0002')).toBe('************0001 dan ************0002');
  });

  it('masks NIKs written with underscores, double spaces, em-dashes or zero-width spaces', () => {
    expect(redactText('3174_0101_0190_0001 / 3174  0101  0190  0002 / 3174—0101—0190—0003 / 3174\u200b0101\u200b0190\u200b0004'))
      .toBe('************0001 / ************0002 / ************0003 / ************0004');
  });

  it('leaves shorter and longer numbers alone', () => {
    const text = 'HP 081234567890, iuran Rp16.800, kode 12345678901234567, 2025-03-01';
    expect(redactText(text)).toBe(text);
  });
});

describe('createLogger', () => {
  it('writes JSON lines at the given level with its name', () => {
    const { logger, lines } = capture('warn');
    logger.info('hidden');
    logger.warn({ contactId: 'c1' }, 'shown');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'shown', contactId: 'c1', name: 'test', level: 40 });
  });

  it('censors personal fields at the top and one level down', () => {
    const { logger, lines } = capture();
    logger.info({
      nik: '3174010101900001', motherMaidenName: 'Aminah', text: 'halo kak',
      member: { nik: '3174010101900001', motherMaidenName: 'Aminah', fullName: 'Siti' },
      message: { text: 'NIK saya 3174010101900001', kind: 'text' },
    }, 'registered');
    const line = lines[0]!;
    expect(line).toMatchObject({
      nik: REDACTED, motherMaidenName: REDACTED, text: REDACTED,
      member: { nik: REDACTED, motherMaidenName: REDACTED, fullName: 'Siti' },
      message: { text: REDACTED, kind: 'text' },
    });
    expect(JSON.stringify(line)).not.toContain('3174010101900001');
    expect(JSON.stringify(line)).not.toContain('Aminah');
  });

  it('censors secrets and tokens', () => {
    const { logger, lines } = capture();
    logger.info({ config: { secret: 's'.repeat(32), botToken: '1:abc' }, password: 'pw' }, 'starting');
    expect(lines[0]).toMatchObject({ config: { secret: REDACTED, botToken: REDACTED }, password: REDACTED });
  });

  it('masks NIK-like numbers in messages and their arguments', () => {
    const { logger, lines } = capture();
    logger.warn('could not parse %s from %s', '3174010101900001', 'telegram');
    logger.error({ err: 'x' }, 'bad input 3174010101900001');
    expect(lines.map((l) => l['msg'])).toEqual([
      'could not parse ************0001 from telegram',
      'bad input ************0001',
    ]);
  });

  it('masks NIK-like numbers in logged errors', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('no member with NIK 3174010101900001') }, 'lookup failed');
    logger.error(new Error('bad 3174010101900001'));
    const text = JSON.stringify(lines);
    expect(text).not.toContain('3174010101900001');
    expect(lines[0]).toMatchObject({ err: { message: 'no member with NIK ************0001', type: 'Error' } });
    expect(lines[1]).toMatchObject({ err: { message: 'bad ************0001' } });
  });

  it('can be silenced', () => {
    const { logger, lines } = capture('silent');
    logger.fatal('nothing');
    expect(lines).toEqual([]);
  });
});
