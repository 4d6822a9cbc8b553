import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The public form's signed token (issue #20 item 4): `<payload>.<mac>`, both base64url, where the
 * payload is `zoneId|issuedAtMs|nonce` and the mac is HMAC-SHA256 over it with the server's
 * secret. A post needs a token the server made for that zone within its lifetime; the nonce is the
 * answer's `token_id`, so the same token sent twice counts once. Nothing in it names a person.
 */
export type TokenCheck = { ok: true; tokenId: string } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

const b64 = (buffer: Buffer | string) => Buffer.from(buffer).toString('base64url');
const mac = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(payload).digest();

/** A token for one zone's form, made at `nowMs`. */
export function signFormToken(secret: Buffer, zoneId: string, nowMs: number, nonce = randomBytes(16)): string {
  const payload = `${zoneId}|${Math.floor(nowMs)}|${b64(nonce)}`;
  return `${b64(payload)}.${b64(mac(secret, payload))}`;
}

/** Checks a posted token against the zone it was posted for, at `nowMs`. */
export function checkFormToken(
  secret: Buffer,
  token: unknown,
  zoneId: string,
  nowMs: number,
  ttlMs: number,
): TokenCheck {
  if (typeof token !== 'string' || token.trim() === '') return { ok: false, reason: 'missing' };
  const [payloadPart, macPart, extra] = token.trim().split('.');
  if (payloadPart === undefined || macPart === undefined || extra !== undefined || token.length > 400) {
    return { ok: false, reason: 'invalid' };
  }
  const payload = Buffer.from(payloadPart, 'base64url').toString('utf8');
  const sent = Buffer.from(macPart, 'base64url');
  const expected = mac(secret, payload);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return { ok: false, reason: 'invalid' };
  const [tokenZone, issuedText, nonce] = payload.split('|');
  const issued = Number(issuedText);
  if (tokenZone !== zoneId || !Number.isFinite(issued) || !nonce) return { ok: false, reason: 'invalid' };
  // A minute of leeway for clocks; a token from the future beyond that is not ours.
  if (issued > nowMs + 60_000) return { ok: false, reason: 'invalid' };
  if (nowMs - issued > ttlMs) return { ok: false, reason: 'expired' };
  return { ok: true, tokenId: nonce };
}
