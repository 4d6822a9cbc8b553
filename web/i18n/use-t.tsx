/**
 * The language context: one provider near the root, `useT()` everywhere else.
 */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Lang } from './format.ts';
import { interpolate, MESSAGES, type MessageKey, type Vars } from './messages.ts';

export type Translate = (key: MessageKey, vars?: Vars) => string;

export interface I18n {
  lang: Lang;
  t: Translate;
}

export function translator(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  // A key missing from the dictionary shows as itself: visible in review, never a crash.
  return (key, vars) => interpolate(messages[key] ?? key, vars);
}

const I18nContext = createContext<I18n>({ lang: 'th', t: translator('th') });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  return useContext(I18nContext);
}
