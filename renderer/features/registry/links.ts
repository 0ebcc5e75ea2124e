import { REGISTRATION_STATES, type RegistrationState } from '../../../shared/registry/registration';
import { VISA_STATUSES, type VisaStatus } from '../../../shared/registry/visa';
import { hrefWithParams } from '../../lib/hashRoute';
import type { RegistryFilterValues } from './filters';

// Links into the registry list with filters (`#/registry?status=BASVURU_ALINDI,EKSIK_EVRAK`,
// `#/registry?visa=INCELEMEDE&year=2026`): the home page's lines open the list narrowed to what they counted.

export interface RegistryLinkFilter {
  statuses?: readonly RegistrationState[];
  visaStatus?: VisaStatus;
  visaYear?: number;
}

export function registryListHref(filter: RegistryLinkFilter = {}): string {
  return hrefWithParams(['registry'], {
    status: filter.statuses?.join(','),
    visa: filter.visaStatus,
    year: filter.visaYear === undefined ? undefined : String(filter.visaYear),
  });
}

/** The list as it starts (`home`), narrowed to a link's filters; unknown values are ignored. */
export function filtersFromLink(home: RegistryFilterValues, query: string): RegistryFilterValues {
  const params = new URLSearchParams(query);
  const statuses = (params.get('status') ?? '').split(',').filter((s): s is RegistrationState => (REGISTRATION_STATES as readonly string[]).includes(s));
  const visa = params.get('visa');
  const year = Number(params.get('year'));
  return {
    ...home,
    statuses,
    visaStatus: visa && (VISA_STATUSES as readonly string[]).includes(visa) ? (visa as VisaStatus) : null,
    visaYear: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
  };
}
