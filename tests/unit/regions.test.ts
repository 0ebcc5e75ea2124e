import { describe, expect, it } from 'vitest';
import { normalisePlate, PROVINCES, provinceByPlate, REGIONS } from '../../shared/regions';

// The bundled province list (DOMAIN.md §6) and the plate helper.

describe('PROVINCES', () => {
  it('has the 81 plates 01–81 exactly once each', () => {
    const plates = PROVINCES.map((p) => p.plate).sort();
    expect(plates).toEqual(Array.from({ length: 81 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('puts every province in one of the 7 regions, with the DOMAIN §6 counts', () => {
    const counts = Object.fromEntries(REGIONS.map((r) => [r, PROVINCES.filter((p) => p.region === r).length]));
    expect(counts).toEqual({ Marmara: 11, Ege: 8, Akdeniz: 8, 'İç Anadolu': 13, Karadeniz: 18, 'Doğu Anadolu': 14, 'Güneydoğu Anadolu': 9 });
  });

  it('adds up to 973 districts', () => {
    expect(PROVINCES.reduce((n, p) => n + p.districtCount, 0)).toBe(973);
  });

  it('finds provinces by plate', () => {
    expect(provinceByPlate('06')?.name).toBe('Ankara');
    expect(provinceByPlate('34')?.name).toBe('İstanbul');
    expect(provinceByPlate('35')?.name).toBe('İzmir');
    expect(provinceByPlate('76')?.name).toBe('Iğdır');
    expect(provinceByPlate('6')).toBeUndefined();
    expect(provinceByPlate('82')).toBeUndefined();
  });
});

describe('normalisePlate', () => {
  it('accepts one- or two-digit plates', () => {
    expect(normalisePlate('6')).toBe('06');
    expect(normalisePlate('06')).toBe('06');
    expect(normalisePlate(' 35 ')).toBe('35');
    expect(normalisePlate('81')).toBe('81');
  });

  it('refuses numbers that are not plates', () => {
    for (const bad of ['0', '00', '82', '99', '100', '', '-6', '6.0']) expect(normalisePlate(bad), bad).toBeNull();
  });

  it('accepts a province name typed any way, as its documentation promises', () => {
    expect(normalisePlate('izmir')).toBe('35');
    expect(normalisePlate('İZMİR')).toBe('35');
    expect(normalisePlate('Ankara')).toBe('06');
    expect(normalisePlate('igdir')).toBe('76');
    expect(normalisePlate('Şanlıurfa')).toBe('63');
    expect(normalisePlate('Atlantis')).toBeNull();
  });
});
