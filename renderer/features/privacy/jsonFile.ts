import type { FilePayload } from '../../lib/files';

/** A report as a JSON file to download (UTF-8, indented), named with its kind and today's date. */
export function jsonFile(kind: string, value: unknown): FilePayload {
  const bytes = new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const today = new Intl.DateTimeFormat('tr-TR', { timeZone: 'Europe/Istanbul', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
  return { fileName: `${kind} ${today}.json`, mimeType: 'application/json', contentBase64: btoa(binary) };
}
