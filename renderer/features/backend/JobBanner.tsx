import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { JobState } from '../../../shared/contract/backend';
import { useLocale, useT, useTn } from '../../i18n';
import { useCallMutation } from '../../lib/query';
import { useBackendStatus } from './BackendWatcher';

/**
 * What runs in the background, on every screen: the job with its progress and a cancel button, and the saves
 * waiting for it ("Veri değişimi sürüyor… kaydınız sırada"). Reads go on meanwhile; saves are never lost.
 * `hideJob`: the screen shows this job's progress itself (the exchange screen).
 */
export function JobBanner({ hideJob }: { hideJob?: (job: JobState) => boolean }) {
  const t = useT();
  const tn = useTn();
  const locale = useLocale();
  const status = useBackendStatus();
  const cancel = useCallMutation('backend:cancel');
  const data = status.data;
  if (!data) return null;
  const job = data.job && !hideJob?.(data.job) ? data.job : null;
  const waiting = data.waitingWrites;
  const checking = data.health === 'checking' && waiting > 0;
  if (!job && waiting === 0) return null;
  const percent = job && job.total > 0 ? Math.min(100, Math.floor((job.done / job.total) * 100)) : null;
  return (
    <Alert color="blue" variant="light" mb="md" role="status" aria-label={t('backend.banner')} data-testid="job-banner">
      <Stack gap={6}>
        {job && (
          <>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600} size="sm">
                {t(`backend.job.${job.kind}`)} — {t(`backend.phase.${job.phase}`)}
                {percent !== null && (
                  <Text span c="dimmed" size="sm" ml="xs">
                    {t('backend.progress', { done: job.done.toLocaleString(locale), total: job.total.toLocaleString(locale), percent: `%${percent}` })}
                  </Text>
                )}
              </Text>
              {job.cancellable && (
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={cancel.isPending}
                  disabled={job.cancelRequested}
                  onClick={() => cancel.mutate({})}
                >
                  {job.cancelRequested ? t('backend.cancelling') : t('backend.cancel')}
                </Button>
              )}
            </Group>
            <Progress value={percent ?? 100} animated={percent === null} size="sm" aria-label={t(`backend.job.${job.kind}`)} />
            <Text size="xs" c="dimmed">
              {job.cancelRequested && job.phase === 'apply' ? t('backend.cancelTooLate') : t('backend.readsGoOn')}
            </Text>
          </>
        )}
        {waiting > 0 && (
          <Text size="sm" data-testid="job-banner-waiting">
            {checking ? t('backend.checking') : tn('backend.waiting', waiting)}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
