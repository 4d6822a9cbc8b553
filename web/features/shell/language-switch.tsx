import { storeLang } from '../../i18n/lang-store.ts';
import { LANGS, type Lang } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { useDashboardState } from '../../router.ts';

/** Each language named in itself, as seen: the visible text is the button's whole name. */
const LABELS: Record<Lang, string> = { th: 'ไทย', en: 'English' };

/** ไทย / EN: remembered in localStorage and written to ?lang= so a shared link keeps it. */
export function LanguageSwitch() {
  const { lang, t } = useT();
  const [, navigate] = useDashboardState();
  const choose = (next: Lang) => {
    storeLang(next);
    navigate({ lang: next }, { replace: true });
  };
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('app.language')}</legend>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => choose(l)}>
          {LABELS[l]}
        </button>
      ))}
    </fieldset>
  );
}
