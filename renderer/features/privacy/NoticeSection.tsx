import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PrivacyNoticeView } from '../../../shared/contract/privacy';
import { noticeBlocks, type NoticeBlock } from '../../../shared/privacy/notice';
import { formatDateTr } from '../../../shared/turkish';
import { usePreview } from '../../components/DocumentPreview';
import { QueryState } from '../../components/QueryState';
import { useLanguage, useT } from '../../i18n';
import { errorMessage, formErrorsFrom } from '../../lib/errors';
import { useIdentity } from '../../lib/identity';
import { useCall, useCallMutation } from '../../lib/query';

// The privacy notice (aydınlatma metni): shown as it prints, downloadable as a PDF everywhere, edited at the
// ministry (each save a new version that flows down with the exchange).

export function NoticeSection() {
  const t = useT();
  const language = useLanguage();
  const ministry = useIdentity().role === 'ministry';
  const notice = useCall('privacy:notice', {});
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={t('privacy.tab.notice')}>
      <Text size="sm" c="dimmed" mb={language === 'en' ? 4 : 'md'} maw={860}>
        {ministry ? t('privacy.notice.hintMinistry') : t('privacy.notice.hintOthers')}
      </Text>
      {language === 'en' && (
        <Text size="sm" c="dimmed" mb="md" maw={860}>
          {t('privacy.notice.turkishDocument')}
        </Text>
      )}
      <QueryState query={notice}>
        {(value) =>
          editing ? (
            <NoticeForm notice={value} onDone={() => setEditing(false)} />
          ) : (
            <Stack gap="md">
              <Group gap="sm">
                <PdfButton />
                {ministry && (
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t('privacy.notice.edit')}
                  </Button>
                )}
              </Group>
              <NoticeView notice={value} />
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}

function PdfButton() {
  const t = useT();
  const preview = usePreview();
  const pdf = useCallMutation('privacy:noticePdf', { onSuccess: (file) => preview.open(file, t('privacy.notice.pdfTitle')) });
  return (
    <Button
      loading={pdf.isPending}
      onClick={() => pdf.mutate({}, { onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }) })}
    >
      {t('privacy.notice.pdf')}
    </Button>
  );
}

function VersionLine({ notice }: { notice: PrivacyNoticeView }) {
  const t = useT();
  return (
    <Group gap="xs">
      <Badge variant="light" color="gray">
        {notice.updatedAt ? t('privacy.notice.versionDate', { version: notice.version, date: formatDateTr(notice.updatedAt) }) : t('privacy.notice.version', { version: notice.version })}
      </Badge>
      {!notice.updatedAt && (
        <Badge variant="outline" color="gray">
          {t('privacy.notice.default')}
        </Badge>
      )}
    </Group>
  );
}

/** The notice laid out from the same blocks the PDF draws. Turkish, whatever the interface language. */
function NoticeView({ notice }: { notice: PrivacyNoticeView }) {
  const groups: (NoticeBlock | NoticeBlock[])[] = [];
  for (const block of noticeBlocks(notice.body)) {
    const last = groups.at(-1);
    if (block.kind === 'item' && Array.isArray(last)) last.push(block);
    else groups.push(block.kind === 'item' ? [block] : block);
  }
  return (
    <Paper withBorder p="xl" radius="sm" bg="gray.0" maw={860} lang="tr" translate="no" data-testid="notice-view">
      <Stack gap="xs">
        <Title order={3} size="h4" ta="center">
          {notice.title}
        </Title>
        <Group justify="center">
          <VersionLine notice={notice} />
        </Group>
        {groups.map((group, i) =>
          Array.isArray(group) ? (
            <List key={i} size="sm" spacing={4} withPadding pl="md" listStyleType={group.every((b) => /^[a-zçğıöşü]\)\s/i.test(b.text)) ? 'none' : undefined}>
              {group.map((item, j) => (
                <List.Item key={j}>{item.text}</List.Item>
              ))}
            </List>
          ) : group.kind === 'heading' ? (
            <Title key={i} order={4} size="h5" mt="sm">
              {group.text}
            </Title>
          ) : (
            <Text key={i} size="sm" ta="justify">
              {group.text}
            </Text>
          ),
        )}
      </Stack>
    </Paper>
  );
}

function NoticeForm({ notice, onDone }: { notice: PrivacyNoticeView; onDone: () => void }) {
  const t = useT();
  const [title, setTitle] = useState(notice.title);
  const [body, setBody] = useState(notice.body);
  const save = useCallMutation('privacy:setNotice', {
    invalidates: ['privacy:notice'],
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: t('privacy.notice.saved', { version: saved.version }) });
      onDone();
    },
  });
  const errors = save.error ? formErrorsFrom(save.error, ['title', 'body'] as const) : null;
  return (
    <Stack gap="sm" maw={860}>
      <VersionLine notice={notice} />
      <TextInput label={t('privacy.notice.titleLabel')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors?.fields.title} withAsterisk />
      <Textarea
        label={t('privacy.notice.bodyLabel')}
        description={t('privacy.notice.bodyHint')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={errors?.fields.body}
        autosize
        minRows={12}
        maxRows={28}
        withAsterisk
        lang="tr"
        spellCheck
      />
      {errors?.general && (
        <Alert color="red" variant="light" data-testid="notice-error">
          {errors.general}
        </Alert>
      )}
      <Group gap="sm">
        <Button loading={save.isPending} onClick={() => save.mutate({ title, body })}>
          {t('privacy.notice.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
