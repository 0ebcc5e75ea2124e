import { Alert, Badge, Button, DataList, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { provinceByPlate } from '../../../shared/regions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MonoBox } from '../../components/MonoBox';
import { useT } from '../../i18n';
import { formErrorsFrom } from '../../lib/errors';
import { useIdentity } from '../../lib/identity';
import { useCall } from '../../lib/query';
import { turkishOptionsFilter } from '../../lib/turkishFilter';
import { canEnrol, canIntroduce, useEnroll, useExport, useIntroduce, useReadIntroduction } from './calls';
import { ExportSummary } from './ExportPanel';
import { FilePathInput, FileWriteError, useFilePath } from './FilePathInput';
import { BigFingerprint, FingerprintCheck, fingerprintMatch } from './FingerprintCheck';
import { fileSlug, fileStamp, useSyncLabels } from './labels';

type Card = ChannelOutput<'sync:readIntroduction'>;

/**
 * Enrolment, the once-per-pair handshake: the child writes an introduction, the parent reads it, compares
 * the fingerprint over the phone, enrols it and answers with a welcome file that the child imports.
 */
export function EnrolmentPanel() {
  const t = useT();
  const identity = useIdentity();
  return (
    <Stack gap="lg" maw={900}>
      <Text size="sm" c="dimmed">
        {t(`sync.enrol.how.${identity.role}`)}
      </Text>
      {canIntroduce(identity) && <IntroduceCard />}
      {canEnrol(identity) && <AcceptCard />}
    </Stack>
  );
}

function IntroduceCard() {
  const t = useT();
  const identity = useIdentity();
  const file = useFilePath('save', `tanitim-${fileSlug(identity.unitName)}-${fileStamp()}.json`);
  const introduce = useIntroduce();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sync-introduce">
      <Stack gap="sm">
        <Title order={3} size="h4" id="sync-introduce">
          {t('sync.introduce.title')}
        </Title>
        <Text size="sm">{t(identity.role === 'province' ? 'sync.introduce.hint.province' : 'sync.introduce.hint.youth-center')}</Text>
        <FilePathInput kind="save" fileKind="introduction" path={file} label={t('sync.introduce.path')} />
        {introduce.isError && <FileWriteError error={introduce.error} />}
        <Group justify="flex-end">
          <Button onClick={() => introduce.mutate({ path: file.value.trim() })} loading={introduce.isPending} disabled={!file.ready}>
            {t('sync.introduce.button')}
          </Button>
        </Group>
        {introduce.isSuccess && (
          <Alert color="teal" variant="light" title={t('sync.introduce.doneTitle')} data-testid="introduce-done">
            <Stack gap="xs">
              <MonoBox label={t('sync.file')}>{introduce.data.file}</MonoBox>
              <Text size="sm">{t('sync.introduce.done')}</Text>
              <BigFingerprint value={introduce.data.fingerprint} label={t('sync.own.fingerprint')} />
              <Text size="sm">{t('sync.introduce.next')}</Text>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function AcceptCard() {
  const t = useT();
  const [card, setCard] = useState<{ path: string; card: Card } | null>(null);
  const [enrolled, setEnrolled] = useState<Card | null>(null);
  const [attempt, setAttempt] = useState(0);
  const restart = () => {
    setCard(null);
    setEnrolled(null);
    setAttempt((n) => n + 1);
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sync-accept">
      <Stack gap="sm">
        <Title order={3} size="h4" id="sync-accept">
          {t('sync.accept.title')}
        </Title>
        {!card && <ReadStep key={attempt} onRead={(path, c) => setCard({ path, card: c })} />}
        {card && !enrolled && <CompareStep path={card.path} card={card.card} onEnrolled={setEnrolled} onCancel={restart} />}
        {enrolled && <WelcomeStep card={enrolled} onDone={restart} />}
      </Stack>
    </Paper>
  );
}

function ReadStep({ onRead }: { onRead: (path: string, card: Card) => void }) {
  const t = useT();
  const file = useFilePath('open');
  const read = useReadIntroduction();
  const submit = () => {
    const path = file.value.trim();
    read.mutate({ path }, { onSuccess: (c) => onRead(path, c) });
  };
  return (
    <>
      <Text size="sm">{t('sync.accept.hint')}</Text>
      <FilePathInput kind="open" fileKind="introduction" path={file} label={t('sync.accept.path')} />
      {read.isError && <ErrorAlert error={read.error} />}
      <Group justify="flex-end">
        <Button onClick={submit} loading={read.isPending} disabled={!file.ready}>
          {t('sync.accept.read')}
        </Button>
      </Group>
    </>
  );
}

function IntroductionCard({ card }: { card: Card }) {
  const t = useT();
  const labels = useSyncLabels();
  const province = card.provincePlate ? provinceByPlate(card.provincePlate) : undefined;
  return (
    <DataList labelWidth={170} data-testid="introduction-card">
      <DataList.Item>
        <DataList.ItemLabel>{t('identity.unit')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <Text fw={600}>{card.unitName}</Text>
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('identity.role')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <Badge variant="light" tt="none">
            {labels.role(card.role)}
          </Badge>
        </DataList.ItemValue>
      </DataList.Item>
      {province && (
        <DataList.Item>
          <DataList.ItemLabel>{t('identity.province')}</DataList.ItemLabel>
          <DataList.ItemValue>{`${province.plate} — ${province.name}`}</DataList.ItemValue>
        </DataList.Item>
      )}
      <DataList.Item>
        <DataList.ItemLabel>{t('identity.nodeId')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <Text ff="monospace" size="sm">
            {card.nodeId}
          </Text>
        </DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}

function CompareStep({ path, card, onEnrolled, onCancel }: { path: string; card: Card; onEnrolled: (c: Card) => void; onCancel: () => void }) {
  const t = useT();
  const enroll = useEnroll();
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<{ fingerprint: string | null; youthCentreId: string | null; general: string | null }>({ fingerprint: null, youthCentreId: null, general: null });
  const match = fingerprintMatch(typed, card.fingerprint);
  // A youth centre's installation is bound to a centre of this province's list: an existing record, or a new
  // one made from its introduction (the default).
  const isCentre = card.role === 'youth-center';
  const centres = useCall('orgUnits:searchYouthCentres', { provincePlate: card.provincePlate ?? undefined, status: 'active', limit: 500 }, { enabled: isCentre });
  const [centreId, setCentreId] = useState<string>('');
  const submit = () => {
    setErrors({ fingerprint: null, youthCentreId: null, general: null });
    enroll.mutate(
      { path, fingerprint: typed, ...(isCentre && centreId ? { youthCentreId: centreId } : {}) },
      {
        onSuccess: onEnrolled,
        onError: (error) => {
          const { fields, general } = formErrorsFrom(error, ['fingerprint', 'youthCentreId'] as const);
          setErrors({ fingerprint: fields.fingerprint ?? null, youthCentreId: fields.youthCentreId ?? null, general });
        },
      },
    );
  };
  return (
    <Stack gap="md">
      <MonoBox label={t('sync.file')}>{path}</MonoBox>
      <IntroductionCard card={card} />
      <FingerprintCheck
        expected={card.fingerprint}
        unitName={card.unitName}
        value={typed}
        onChange={(v) => {
          setTyped(v);
          setErrors({ fingerprint: null, youthCentreId: null, general: null });
        }}
        error={errors.fingerprint}
      />
      {isCentre && (
        <Select
          label={t('sync.accept.centre')}
          description={t('sync.accept.centreHint')}
          searchable
          filter={turkishOptionsFilter}
          allowDeselect={false}
          value={centreId}
          onChange={(v) => {
            setCentreId(v ?? '');
            setErrors((e) => ({ ...e, youthCentreId: null }));
          }}
          data={[
            { value: '', label: t('sync.accept.centreNew', { name: card.unitName }) },
            ...(centres.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.districtName})` })),
          ]}
          error={errors.youthCentreId}
          data-testid="enrol-centre"
        />
      )}
      {errors.general && <ErrorAlert error={errors.general} />}
      <Group justify="space-between">
        <Button variant="default" onClick={onCancel} disabled={enroll.isPending}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={enroll.isPending} disabled={match !== 'match'}>
          {t('sync.accept.enrol')}
        </Button>
      </Group>
    </Stack>
  );
}

function WelcomeStep({ card, onDone }: { card: Card; onDone: () => void }) {
  const t = useT();
  const identity = useIdentity();
  const file = useFilePath('save', `karsilama-${fileSlug(card.unitName)}-${fileStamp()}.kopru`);
  const welcome = useExport();
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" title={t('sync.accept.enrolledTitle')} data-testid="enrolled">
        {t('sync.accept.enrolled', { unit: card.unitName })}
      </Alert>
      <Title order={4} size="h5">
        {t('sync.welcome.title')}
      </Title>
      <Text size="sm">{t('sync.welcome.hint', { unit: card.unitName })}</Text>
      <FilePathInput kind="save" fileKind="exchange" path={file} label={t('sync.welcome.path')} />
      {welcome.isError && <FileWriteError error={welcome.error} />}
      {!welcome.isSuccess && (
        <Group justify="flex-end">
          <Button
            onClick={() => welcome.mutate({ peerNode: card.nodeId, path: file.value.trim(), welcome: true })}
            loading={welcome.isPending}
            disabled={!file.ready}
          >
            {t('sync.welcome.button')}
          </Button>
        </Group>
      )}
      {welcome.isSuccess && (
        <Stack gap="sm" data-testid="welcome-done">
          <ExportSummary result={welcome.data} />
          <Alert color="blue" variant="light" title={t('sync.welcome.tellTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('sync.welcome.tell', { unit: card.unitName })}</Text>
              <BigFingerprint value={identity.fingerprint} label={t('sync.own.fingerprint')} />
            </Stack>
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('sync.accept.another')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
