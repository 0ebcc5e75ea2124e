import provinces from './provinces.json' with { type: 'json' };
import { foldTurkish } from './turkish';

// The 81 provinces and 7 geographic regions: ministry reference data shipped with the app.

export interface Province {
  plate: string;
  name: string;
  region: RegionName;
  districtCount: number;
}

export const REGIONS = [
  'Marmara',
  'Ege',
  'Akdeniz',
  'İç Anadolu',
  'Karadeniz',
  'Doğu Anadolu',
  'Güneydoğu Anadolu',
] as const;
export type RegionName = (typeof REGIONS)[number];

export const PROVINCES: readonly Province[] = provinces as Province[];

export function provinceByPlate(plate: string): Province | undefined {
  return PROVINCES.find((p) => p.plate === plate);
}

/** Accepts `6`, `06` or a province name typed any way (`izmir`, `İZMİR`) and returns the plate, or null. */
export function normalisePlate(value: string): string | null {
  const trimmed = value.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const plate = trimmed.padStart(2, '0');
    return provinceByPlate(plate) ? plate : null;
  }
  const folded = foldTurkish(trimmed);
  return PROVINCES.find((p) => foldTurkish(p.name) === folded)?.plate ?? null;
}
