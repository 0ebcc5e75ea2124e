import { Badge, type BadgeProps } from '@mantine/core';
import type { TransferState } from '../../../shared/registry/fields';
import type { RegistrationState } from '../../../shared/registry/registration';
import type { VisaApplicationState, VisaStatus } from '../../../shared/registry/visa';
import { useT } from '../../i18n';
import { useRegistryLabels } from './labels';

// Colours carry meaning consistently: teal = in order, blue/violet = in progress, orange = needs action,
// red = refused or lapsed, grey = not (or no longer) in scope.

export const STATE_COLOURS: Record<RegistrationState, string> = {
  TASLAK: 'gray',
  BASVURU_ALINDI: 'blue',
  EKSIK_EVRAK: 'orange',
  ONAYDA: 'violet',
  TESCILLI: 'teal',
  REDDEDILDI: 'red',
  ASKIDA: 'yellow',
  TESCIL_IPTAL: 'red',
  AKTARILDI: 'gray',
};

export const VISA_COLOURS: Record<VisaStatus, string> = {
  VIZELI: 'teal',
  DONEM_ACIK: 'blue',
  INCELEMEDE: 'violet',
  GECIKMIS: 'orange',
  VIZESIZ_N_YIL: 'red',
  KAPSAM_DISI: 'gray',
};

const VISA_APP_COLOURS: Record<VisaApplicationState, string> = { BASVURU: 'blue', INCELEME: 'violet', ONAY: 'teal', EKSIK: 'orange', RED: 'red' };
const TRANSFER_COLOURS: Record<TransferState, string> = { TALEP: 'blue', GONDEREN_ONAYI: 'violet', ALICI_KABULU: 'violet', TAMAMLANDI: 'teal', IPTAL: 'gray' };

type Extra = Omit<BadgeProps, 'color' | 'children'>;

// A state is never cut to “Eksik ev…”: badges keep their full width and the column makes room.
const FULL = { minWidth: 'max-content' } as const;

export function StateBadge({ state, ...props }: { state: RegistrationState } & Extra) {
  const labels = useRegistryLabels();
  return (
    <Badge color={STATE_COLOURS[state]} variant="light" tt="none" style={FULL} {...props}>
      {labels.state(state)}
    </Badge>
  );
}

export function VisaBadge({ status, years = 0, ...props }: { status: VisaStatus; years?: number } & Extra) {
  const t = useT();
  const labels = useRegistryLabels();
  const label = status === 'VIZESIZ_N_YIL' && years > 0 ? t('registry.visaYears', { label: labels.visa(status), count: years }) : labels.visa(status);
  return (
    <Badge color={VISA_COLOURS[status]} variant={status === 'KAPSAM_DISI' ? 'outline' : 'light'} tt="none" style={FULL} {...props}>
      {label}
    </Badge>
  );
}

export function VisaAppBadge({ state }: { state: VisaApplicationState }) {
  const labels = useRegistryLabels();
  return (
    <Badge color={VISA_APP_COLOURS[state]} variant="light" tt="none" style={FULL}>
      {labels.visaApp(state)}
    </Badge>
  );
}

export function TransferBadge({ state }: { state: TransferState }) {
  const labels = useRegistryLabels();
  return (
    <Badge color={TRANSFER_COLOURS[state]} variant="light" tt="none" style={FULL}>
      {labels.transferState(state)}
    </Badge>
  );
}
