import type { OpenAPIV3_1 } from 'openapi-types';

/**
 * /api/docs: the OpenAPI document as one readable page, rendered on the server from the document
 * itself (no script, no CDN, no fonts to fetch: it works offline and under the API's CSP).
 */

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** `code` spans and line breaks of the descriptions, and nothing else. */
const prose = (text: string | undefined): string =>
  escapeHtml(text ?? '')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .split(/\n{2,}/)
    .map((p) => `<p>${p}</p>`)
    .join('');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function typeOf(schema: OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject | undefined): string {
  if (schema === undefined) return '';
  if ('$ref' in schema) return schema.$ref.replace('#/components/schemas/', '');
  const parts: string[] = [];
  if (schema.enum !== undefined) parts.push(schema.enum.map((v) => JSON.stringify(v)).join(' | '));
  else if (schema.type !== undefined) parts.push(String(schema.type));
  if (schema.pattern !== undefined) parts.push(`pattern ${schema.pattern}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined)
    parts.push(`length ${schema.minLength ?? 0}-${schema.maxLength ?? '…'}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

function operationHtml(path: string, method: string, op: OpenAPIV3_1.OperationObject): string {
  const id = op.operationId ?? `${method}-${path}`;
  const params = (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const auth =
    op.security === undefined || op.security.length > 0
      ? op.security?.some((s) => Object.keys(s).length === 0)
        ? 'optional sign-in / ไม่บังคับเข้าสู่ระบบ'
        : 'signed in / ต้องเข้าสู่ระบบ'
      : 'public / สาธารณะ';
  return `<section class="op" id="${escapeHtml(id)}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p class="sum">${escapeHtml(op.summary ?? '')}${typeof op['x-summary-th' as never] === 'string' ? ` — <span lang="th">${escapeHtml(op['x-summary-th' as never])}</span>` : ''}</p>
<p class="auth">${escapeHtml(auth)}</p>
${prose(op.description)}
${
  params.length === 0
    ? ''
    : `<table><thead><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr></thead><tbody>${params
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required === true ? 'yes' : 'no'}</td><td>${escapeHtml(typeOf(p.schema as OpenAPIV3_1.SchemaObject))}</td></tr>`,
        )
        .join('')}</tbody></table>`
}
${
  body === undefined
    ? ''
    : Object.entries(body.content ?? {})
        .map(
          ([type, media]) =>
            `<details><summary>request body <code>${escapeHtml(type)}</code></summary><pre>${escapeHtml(JSON.stringify(media.schema, null, 2))}</pre></details>`,
        )
        .join('')
}
<ul class="res">${Object.entries(op.responses ?? {})
    .map(([status, r]) => {
      const res = r as OpenAPIV3_1.ResponseObject;
      const types = Object.keys(res.content ?? {}).join(', ');
      return `<li><b>${escapeHtml(status)}</b> ${escapeHtml(res.description ?? '')}${types === '' ? '' : ` <small>${escapeHtml(types)}</small>`}</li>`;
    })
    .join('')}</ul>
</section>`;
}

export function renderReferencePage(doc: OpenAPIV3_1.Document): string {
  const byTag = new Map<string, { path: string; method: string; op: OpenAPIV3_1.OperationObject }[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (op === undefined) continue;
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, op }]);
    }
  }
  const order = (doc.tags ?? []).map((t) => t.name).filter((t) => byTag.has(t));
  for (const t of byTag.keys()) if (!order.includes(t)) order.push(t);
  const schemes = Object.entries(doc.components?.securitySchemes ?? {}) as [string, OpenAPIV3_1.SecuritySchemeObject][];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} — API reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1c2430;background:#f6f7f9}
header,main{max-width:70rem;margin:0 auto;padding:1rem 1.5rem}
header{border-bottom:1px solid #d5dae1}
nav{columns:16rem;font-size:.9rem}nav h4{margin:.5rem 0 .2rem;break-after:avoid}nav a{display:block;text-decoration:none;color:#1d4f91}
.op{background:#fff;border:1px solid #d5dae1;border-radius:6px;padding:.5rem 1rem;margin:.8rem 0}
.op h3{margin:.3rem 0;font-size:1rem}.sum{margin:.2rem 0;font-weight:600}.auth{margin:.2rem 0;color:#5a6472;font-size:.85rem}
.m{display:inline-block;min-width:4.2rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.get{background:#2f6f3e}.post{background:#1d4f91}.put,.patch{background:#8a5a00}.delete{background:#9b2226}
table{border-collapse:collapse;margin:.4rem 0;font-size:.9rem}td,th{border:1px solid #d5dae1;padding:.2rem .5rem;text-align:left;vertical-align:top}
pre{background:#f0f2f5;padding:.5rem;overflow:auto;font-size:.8rem}.res{margin:.3rem 0;padding-left:1.2rem}
code{font-family:ui-monospace,monospace}
</style></head><body>
<header><h1>${escapeHtml(doc.info.title)}</h1><p>API reference / คู่มือ API — version ${escapeHtml(doc.info.version)} — OpenAPI ${escapeHtml(doc.openapi)}: <a href="/api/openapi.json">/api/openapi.json</a></p>
${prose(doc.info.description)}
<h2>Signing in / การยืนยันตัวตน</h2><ul>${schemes
    .map(
      ([name, s]) =>
        `<li><b>${escapeHtml(name)}</b>: ${escapeHtml(s.type === 'apiKey' ? `${s.in} "${s.name}"` : `${s.type} ${'scheme' in s ? s.scheme : ''}`)} — ${escapeHtml(s.description ?? '')}</li>`,
    )
    .join('')}</ul>
<nav>${order
    .map(
      (tag) =>
        `<h4>${escapeHtml(tag)}</h4>${(byTag.get(tag) ?? [])
          .map(
            ({ path, method, op }) =>
              `<a href="#${escapeHtml(op.operationId ?? `${method}-${path}`)}">${method.toUpperCase()} ${escapeHtml(path)}</a>`,
          )
          .join('')}`,
    )
    .join('')}</nav></header>
<main>${order
    .map(
      (tag) =>
        `<h2>${escapeHtml(tag)}</h2>${(byTag.get(tag) ?? []).map(({ path, method, op }) => operationHtml(path, method, op)).join('\n')}`,
    )
    .join('\n')}</main>
</body></html>`;
}
