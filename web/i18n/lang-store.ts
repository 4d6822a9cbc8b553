/** The language choice survives reloads in localStorage; private modes that refuse storage still work. */
const KEY = 'ssz.lang';

export function readStoredLang(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeLang(lang: string): void {
  try {
    window.localStorage.setItem(KEY, lang);
  } catch {
    // Storage refused: the ?lang= in the URL still carries the choice.
  }
}
