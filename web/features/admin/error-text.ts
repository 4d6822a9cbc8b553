/**
 * What to say when a request fails: the API's own bilingual message when it sent one (Thai or
 * English as the screen is), a plain sentence for a lost network, the generic one otherwise.
 */
import { ApiError } from '../../api/client.ts';
import type { Lang } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/use-t.tsx';

export function errorText(error: unknown, lang: Lang, t: Translate): string | null {
  if (error === null || error === undefined) return null;
  if (error instanceof ApiError) {
    if (error.text) return error.text[lang];
    if (error.status === 0) return error.code === 'aborted' ? t('form.aborted') : t('form.networkError');
    return t('form.httpError', { status: error.status });
  }
  return t('state.error');
}
