/** Saves a blob as a file the browser downloads (the desktop app shows its save dialog). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may start reading the blob after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a value as a pretty-printed JSON file. */
export function downloadJson(value: unknown, fileName: string): void {
  downloadBlob(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }), fileName);
}
