import { Alert, Button, Group, Modal, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { defaultPublishedTitle, type Report, type ReportScope } from '../../../shared/contract/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { reportLabels } from './labels';
import { dateText } from '../../lib/dates';
import { useCallMutation } from '../../lib/query';

/**
 * The ministry sends the report on screen to every installation (issue #15): counts and definitions, stored
 * now and carried by the next exchange files. Only nationwide or a region: a province has its own figures.
 */
export function PublishButton({ input, report }: { input: { from: string; to: string; scope: ReportScope } | null; report: Report | undefined }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const publish = useCallMutation('reports:publish', {
    invalidates: ['reports:published'],
    onSuccess: (published) => {
      setOpen(false);
      notifications.show({ color: 'green', title: t('reports.publish.doneTitle'), message: t('reports.publish.done', { title: published.title }) });
    },
  });
  const scope = input?.scope;
  const wide = scope?.level === 'national' || scope?.level === 'region';
  const shown = input && report && report.from === input.from && report.to === input.to ? report : undefined;
  const period = shown ? `${dateText(shown.from)} – ${dateText(shown.to)}` : '';
  return (
    <>
      <Tooltip label={t('reports.publish.onlyWide')} disabled={wide} multiline w={320}>
        <span>
          <Button
            disabled={!wide || !shown}
            onClick={() => {
              setTitle('');
              publish.reset();
              setOpen(true);
            }}
          >
            {t('reports.publish.button')}
          </Button>
        </span>
      </Tooltip>
      <Modal opened={open && !!shown} onClose={() => (publish.isPending ? undefined : setOpen(false))} size="lg" title={<Title order={3} size="h4">{t('reports.publish.title')}</Title>}>
        {shown && input && (scope?.level === 'national' || scope?.level === 'region') && (
          <Stack gap="md" data-testid="publish-dialog">
            <Text>{t('reports.publish.what', { scope: reportLabels(t).scope(shown.scopeLabel), period })}</Text>
            <Alert color="blue" variant="light" title={t('reports.publish.whatGoesTitle')}>
              {t('reports.publish.whatGoes')}
            </Alert>
            <TextInput
              label={t('reports.publish.titleLabel')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              description={t('reports.publish.titleHint', { title: defaultPublishedTitle(shown.scopeLabel, shown.from, shown.to) })}
              maxLength={200}
            />
            {publish.isError && <ErrorAlert error={publish.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)} disabled={publish.isPending}>
                {t('common.cancel')}
              </Button>
              <Button loading={publish.isPending} onClick={() => publish.mutate({ from: input.from, to: input.to, scope: scope, ...(title.trim() ? { title: title.trim() } : {}) })}>
                {t('reports.publish.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
