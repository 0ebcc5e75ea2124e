// Files in and out of the renderer: a chosen file becomes base64 for a contract call; a file a channel
// returns (base64) becomes a download. Nothing touches the disk except through the browser's own download.

export interface FilePayload {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export async function readFileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves a channel's file through the browser's download (a[download] on a Blob URL). */
export function downloadFile(file: FilePayload): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the Blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `1,5 MB`, `320 KB`: sizes as people read them. */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1048576).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString(locale)} KB`;
  return `${bytes.toLocaleString(locale)} B`;
}
