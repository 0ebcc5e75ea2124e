import { Code } from '@mantine/core';

/** Identifiers people compare character by character (fingerprints, node ids, paths). */
export function MonoBox({ children, label }: { children: string; label?: string }) {
  return (
    <Code block aria-label={label} px="xs" py={4} fz="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {children}
    </Code>
  );
}
