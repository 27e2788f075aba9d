// Saves a JSON text as a file the user downloads (backups, entries kept aside), from an extension page.

/** How long the download's Blob URL stays alive: the browser reads it asynchronously after the click. */
const REVOKE_AFTER_MS = 60_000;

export function downloadJson(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
