import { monthDayInYear, type RegistryPolicy } from '../../shared/registry/policy';

// The visa status rules of shared/registry/visa.ts as one SQL expression, so lists can filter and count
// by visa status in the database. A property test checks it against the pure function on random data.

export interface VisaSql {
  /** Expression yielding the visa status of association alias `a`. */
  status: string;
  /** Expression yielding the consecutive years without visa (0 when not late). */
  yearsWithout: string;
  params: Record<string, string | number>;
}

export function visaSql(year: number, today: string, policy: Pick<RegistryPolicy, 'visaWindow' | 'yearsWithoutVisaForCancellation'>): VisaSql {
  const regYear = `CAST(substr(a.registered_on, 1, 4) AS INTEGER)`;
  // Only the association's owner logs and decides its visa applications: one written by another unit (an
  // exchange accepts a unit's own rows) never counts.
  const appState = `(SELECT v.state FROM visa_applications v WHERE v.association_id = a.id AND v.year = @visaYear
      AND v.owner_unit = a.owner_unit AND v.deleted_at IS NULL ORDER BY v.created_at DESC, v.id DESC LIMIT 1)`;
  const lastApproved = `COALESCE((SELECT max(v.year) FROM visa_applications v WHERE v.association_id = a.id
      AND v.state = 'ONAY' AND v.year <= @visaYear AND v.owner_unit = a.owner_unit AND v.deleted_at IS NULL), 0)`;
  const yearsLate = `(@visaYear - max(${regYear}, ${lastApproved}))`;
  const inScope = `a.registered_on IS NOT NULL AND a.status IN ('TESCILLI', 'ASKIDA') AND ${regYear} <= @visaYear`;
  const status = `CASE
      WHEN NOT (${inScope}) THEN 'KAPSAM_DISI'
      WHEN ${regYear} = @visaYear THEN 'VIZELI'
      WHEN ${appState} = 'ONAY' THEN 'VIZELI'
      WHEN ${appState} IN ('BASVURU', 'INCELEME', 'EKSIK') THEN 'INCELEMEDE'
      WHEN @visaToday <= @visaWindowEnd THEN 'DONEM_ACIK'
      WHEN ${yearsLate} >= @visaN THEN 'VIZESIZ_N_YIL'
      ELSE 'GECIKMIS' END`;
  const yearsWithout = `CASE WHEN (${status}) IN ('GECIKMIS', 'VIZESIZ_N_YIL') THEN ${yearsLate} ELSE 0 END`;
  return {
    status,
    yearsWithout,
    params: {
      visaYear: year,
      visaToday: today,
      visaWindowEnd: monthDayInYear(policy.visaWindow.end, year),
      visaN: policy.yearsWithoutVisaForCancellation,
    },
  };
}
