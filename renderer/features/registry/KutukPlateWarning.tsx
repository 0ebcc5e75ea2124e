import { Alert } from '@mantine/core';
import { kutukPlateMismatch } from '../../../shared/plausibility';
import { provinceByPlate } from '../../../shared/regions';
import { useT } from '../../i18n';
import { useCall } from '../../lib/query';

/**
 * The kütük no's plate code is not the province's (DOMAIN.md §7): a warning before saving, or a refusal where
 * the ministry's plausibility policy says so (the server applies the same rule, shared/plausibility.ts).
 */
export function KutukPlateWarning({ kutukNo, provincePlate }: { kutukNo: string; provincePlate: string | null | undefined }) {
  const t = useT();
  const policy = useCall('registry:getPolicy', {});
  const mismatch = kutukPlateMismatch(kutukNo, provincePlate);
  if (!mismatch) return null;
  const refused = policy.data?.plausibility.kutukPlateMismatch === 'refuse';
  return (
    <Alert color={refused ? 'red' : 'yellow'} variant="light" data-testid="kutuk-plate-warning">
      {t('registry.kutukPlate.warning', { kutukPlate: mismatch.kutukPlate, province: provinceByPlate(mismatch.provincePlate)?.name ?? mismatch.provincePlate, plate: mismatch.provincePlate })}{' '}
      {t(refused ? 'registry.kutukPlate.refused' : 'registry.kutukPlate.saves')}
    </Alert>
  );
}
