/**
 * Hands CSV text to the browser as a file download. The byte order mark makes spreadsheet
 * programs read the file as UTF-8, so names and descriptions in any script survive.
 */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has started from the URL by the next task; revoking it later frees the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `payouts-2025-06-15.csv`: what was exported and when, in the user's calendar. */
export function exportFilename(name: string, nowMs: number, timeZone: string | undefined): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    nowMs,
  );
  return `${name}-${day}.csv`;
}
