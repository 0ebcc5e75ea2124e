import type { IssueInput } from '../contract/core';
import { msg } from '../contract/errors';
import { provinceByPlate } from '../regions';
import type { WorkshopKind } from './fields';

// What a workshop's plan must hold together beyond each field's own shape: a regional workshop names its region,
// a national summit none; the host province lies in the region; it ends no earlier than it starts. The handler
// refuses these, and the form shows them with the schema's problems before sending.

export function workshopPlanIssues(input: {
  kind: WorkshopKind;
  region?: string | null;
  hostPlate?: string | null;
  startOn: string;
  endOn: string;
}): IssueInput[] {
  const issues: IssueInput[] = [];
  const region = input.region ?? null;
  if (input.kind === 'BOLGE_CALISTAYI' && !region) issues.push({ path: 'region', label: 'Bölge', message: msg('workshops.bolgeCalistayiIcinBolgeyi') });
  if (input.kind === 'ULUSAL_ZIRVE' && region) issues.push({ path: 'region', label: 'Bölge', message: msg('workshops.ulusalZirveTekBir') });
  if (input.hostPlate) {
    const host = provinceByPlate(input.hostPlate);
    if (!host) issues.push({ path: 'hostPlate', label: 'Ev sahibi il', message: msg('workshops.boyleBirIlYok') });
    else if (region && host.region !== region) {
      issues.push({ path: 'hostPlate', label: 'Ev sahibi il', message: msg('workshops.nameRegionBolgesiNde', { name: host.name, region: host.region, region2: region }) });
    }
  }
  if (input.startOn && input.endOn && input.endOn < input.startOn) issues.push({ path: 'endOn', label: 'Bitiş', message: msg('workshops.bitisTarihiBaslangictanOnce') });
  return issues;
}
