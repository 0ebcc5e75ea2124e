import { Group, Radio, Stack, Text } from '@mantine/core';
import { ROLES, type Role } from '../../../shared/contract';
import { useT } from '../../i18n';

export function RoleStep({ value, error, onChange }: { value: Role | null; error?: string; onChange: (role: Role) => void }) {
  const t = useT();
  return (
    <Radio.Group
      label={t('setup.roleLabel')}
      value={value ?? ''}
      onChange={(v) => onChange(v as Role)}
      error={error}
      withAsterisk
    >
      <Stack gap="sm" mt="sm">
        {ROLES.map((role) => (
          <Radio.Card key={role} value={role} p="md" radius="md" aria-label={t(`setup.role.${role}`)}>
            <Group wrap="nowrap" align="flex-start">
              <Radio.Indicator />
              <div>
                <Text fw={600}>{t(`setup.role.${role}`)}</Text>
                <Text size="sm" c="dimmed">
                  {t(`setup.role.${role}.description`)}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}
