import { Code, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../../i18n';
import { FINGERPRINT_DIGITS, foreignCharacters, normaliseFingerprint } from '../../../shared/sync/fingerprint';

/** The fingerprint in a file, large enough to read aloud group by group. */
export function BigFingerprint({ value, label }: { value: string; label: string }) {
  return (
    <Code
      block
      aria-label={label}
      data-testid="file-fingerprint"
      fz={24}
      fw={600}
      py="md"
      ta="center"
      style={{ letterSpacing: '0.08em', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
    >
      {value}
    </Code>
  );
}

export type FingerprintMatch = 'incomplete' | 'match' | 'mismatch' | 'foreign';

export function fingerprintMatch(typed: string, expected: string): FingerprintMatch {
  if (foreignCharacters(typed).length > 0) return 'foreign';
  const a = normaliseFingerprint(typed);
  if (a.length < FINGERPRINT_DIGITS) return 'incomplete';
  return a === normaliseFingerprint(expected) ? 'match' : 'mismatch';
}

interface FingerprintCheckProps {
  /** The fingerprint the file carries. */
  expected: string;
  /** Who told it (shown in the question). */
  unitName: string;
  value: string;
  onChange: (value: string) => void;
  /** A message from the server about the typed fingerprint. */
  error?: string | null;
}

/**
 * The person types the fingerprint the other side read out (never pre-filled: the point is to compare);
 * the file's own fingerprint is shown above, and the input says at once whether the two agree.
 */
export function FingerprintCheck({ expected, unitName, value, onChange, error }: FingerprintCheckProps) {
  const t = useT();
  const match = fingerprintMatch(value, expected);
  const digits = normaliseFingerprint(value).length;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('sync.fingerprint.inFile')}
      </Text>
      <BigFingerprint value={expected} label={t('sync.fingerprint.inFile')} />
      <TextInput
        label={t('sync.fingerprint.told', { unit: unitName })}
        description={match === 'incomplete' && digits > 0 ? t('sync.fingerprint.progress', { count: digits, total: FINGERPRINT_DIGITS }) : t('sync.fingerprint.toldHint')}
        placeholder="XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        spellCheck={false}
        autoComplete="off"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-lg)' } }}
        error={
          error ??
          (match === 'foreign'
            ? t('sync.fingerprint.foreign', { chars: foreignCharacters(value).map((c) => `“${c}”`).join(', ') })
            : match === 'mismatch'
              ? t('sync.fingerprint.mismatch')
              : undefined)
        }
      />
      {match === 'match' && !error && (
        <Text size="sm" c="teal.8" fw={600} data-testid="fingerprint-match">
          ✓ {t('sync.fingerprint.match')}
        </Text>
      )}
    </Stack>
  );
}
