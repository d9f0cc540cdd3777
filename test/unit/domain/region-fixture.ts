import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { buildRegionIndex, type RegionData, type RegionIndex } from '../../../src/domain/regions.ts';

/** The real region data (idn-area-data) and alias file, read directly so the domain test needs no loader. */
export function realRegionData(): RegionData {
  const dir = join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
  const rows = (file: string) => readFileSync(join(dir, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  return {
    provinces: rows('provinces.csv').map(([code = '', name = '']) => ({ code, name })),
    regencies: rows('regencies.csv').map(([code = '', provinceCode = '', name = '']) => ({ code, provinceCode, name })),
    aliases: parse(readFileSync('flows/data/wilayah-alias.yaml', 'utf8')) as RegionData['aliases'],
  };
}

export function realRegionIndex(): RegionIndex {
  return buildRegionIndex(realRegionData());
}
