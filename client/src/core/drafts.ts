/**
 * What someone is writing (a chat message, a post, a comment), kept for this tab in
 * sessionStorage under a key naming the composer, so that rebuilding a screen (the language
 * switch builds it again) or reloading the page loses nothing. A draft goes once it is sent, and
 * every draft goes when a login starts or ends, so that the next person at the screen never
 * finds the last one's words (a kiosk's reset wipes the storage too).
 */
const PREFIX = 'cis-draft:';

/** The draft kept under `key` ('' for none). */
export function readDraft(key: string): string {
  try {
    return sessionStorage.getItem(PREFIX + key) ?? '';
  } catch {
    return ''; // storage refused (private mode): drafts last as long as the screen
  }
}

/** Keeps `text` under `key`; an empty text (sent, or cleared) removes the draft. */
export function writeDraft(key: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(PREFIX + key, text);
    else sessionStorage.removeItem(PREFIX + key);
  } catch {
    // see readDraft
  }
}

/** Forgets every draft of this tab. */
export function clearDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // see readDraft
  }
}
