import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../env.ts';
import { formToken, formZone, publishedZoneFigures } from '../services/survey-form.ts';
import { formPageHtml, problemPageHtml, thanksPageHtml } from '../survey/form-page.ts';

const pageQuery = z.object({ lang: z.enum(['th', 'en']).catch('th').default('th') });

/**
 * The resident form's pages, outside /api and without sign-in (issue #20): GET /s/:zoneId (the
 * form, with a fresh signed token) and GET /s/:zoneId/thanks (after an answer). HTML made on the
 * server: they work with JavaScript off and load nothing else.
 */
export const surveyPageRoutes = (deps: AppDeps) =>
  new Hono()
    .use('*', async (c, next) => {
      await next();
      // Each form carries its own token: never from a cache.
      c.header('Cache-Control', 'no-store');
    })
    .get('/:zoneId', async (c) => {
      const zoneId = c.req.param('zoneId');
      const { lang } = pageQuery.parse(c.req.query());
      const zone = await formZone(deps.db, zoneId);
      if (!zone) return notFoundPage(lang);
      const token = await formToken(deps, zone.id);
      return c.html(formPageHtml({ zone, lang, token, action: `/api/public/survey/${encodeURIComponent(zone.id)}` }));
    })
    .get('/:zoneId/thanks', async (c) => {
      const zoneId = c.req.param('zoneId');
      const { lang } = pageQuery.parse(c.req.query());
      const zone = await formZone(deps.db, zoneId);
      if (!zone) return notFoundPage(lang);
      const figures = await publishedZoneFigures(deps.db, zone.id);
      const formHref = `/s/${encodeURIComponent(zone.id)}${lang === 'en' ? '?lang=en' : ''}`;
      return c.html(thanksPageHtml({ zone, lang, formHref, figures }));
    });

function notFoundPage(lang: 'th' | 'en') {
  const html = problemPageHtml({
    lang,
    reason: { th: 'ไม่พบพื้นที่นี้ กรุณาสแกน QR จากโปสเตอร์อีกครั้ง', en: 'No such zone. Please scan the poster again.' },
    formHref: '/',
  });
  return new Response(html, { status: 404, headers: { 'content-type': 'text/html; charset=UTF-8' } });
}
