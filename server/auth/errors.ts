import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Bilingual error bodies of the API: `{ error: { code, th, en } }`. Thai first: the users read Thai.
 * One body per code, so a missing zone and an out-of-scope zone answer byte-for-byte the same.
 */
const ERRORS = {
  unauthenticated: { th: 'กรุณาเข้าสู่ระบบ', en: 'Please sign in.' },
  session_expired: { th: 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง', en: 'Your session has expired. Please sign in again.' },
  invalid_credentials: { th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', en: 'Wrong username or password.' },
  locked: {
    th: 'เข้าสู่ระบบผิดหลายครั้งเกินไป บัญชีถูกระงับชั่วคราว กรุณาลองใหม่ภายหลัง',
    en: 'Too many failed sign-ins. Sign-in is locked for a while; please try again later.',
  },
  forbidden: { th: 'คุณไม่มีสิทธิ์ดำเนินการนี้', en: 'You do not have permission to do this.' },
  csrf: {
    th: 'คำขอไม่ผ่านการตรวจสอบความปลอดภัย กรุณาโหลดหน้าใหม่',
    en: 'The request failed a security check (CSRF). Please reload the page.',
  },
  session_required: { th: 'ต้องเข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่าน', en: 'This needs a signed-in user, not an API token.' },
  not_found: { th: 'ไม่พบข้อมูล', en: 'Not found.' },
  password_change_required: {
    th: 'กรุณาเปลี่ยนรหัสผ่านก่อนใช้งานระบบ',
    en: 'Change your password before using the dashboard.',
  },
  invalid_input: { th: 'ข้อมูลที่ส่งมาไม่ถูกต้อง', en: 'The request is not valid.' },
  wrong_password: { th: 'รหัสผ่านปัจจุบันไม่ถูกต้อง', en: 'The current password is wrong.' },
  user_exists: { th: 'มีชื่อผู้ใช้นี้อยู่แล้ว', en: 'That username is taken.' },
  token_name_exists: { th: 'มีโทเคนชื่อนี้อยู่แล้ว', en: 'A token with that name already exists.' },
  last_admin: {
    th: 'ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน',
    en: 'There must be at least one enabled administrator.',
  },
  admin_scope: { th: 'ผู้ดูแลระบบต้องมีขอบเขตทั้งประเทศ', en: 'An administrator must have national scope.' },
  unknown_scope: { th: 'ขอบเขตอ้างถึงรหัสที่ไม่มีในระบบ', en: 'The scope names codes that do not exist.' },
  payload_too_large: { th: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป', en: 'The request body is too large.' },
  unknown_category: {
    th: 'ไม่มีหมวดปัญหานี้ในรายการปัจจุบัน (ดู /api/problems/categories)',
    en: 'No such problem category in the current list (see /api/problems/categories).',
  },
  problem_date: {
    th: 'วันที่ไม่ถูกต้อง: ต้องไม่เป็นวันในอนาคต และต้องไม่ก่อนวันที่แจ้งปัญหาหรือการเปลี่ยนแปลงครั้งก่อน',
    en: 'Wrong date: it may not be in the future, nor before the day the problem was raised or its last change.',
  },
  zone_station_mismatch: {
    th: 'พื้นที่นำร่องที่ระบุไม่อยู่ในสถานีที่ระบุ',
    en: 'The zone given does not belong to the station given.',
  },
  point_outside_thailand: {
    th: 'พิกัดต้องอยู่ในประเทศไทย [ลองจิจูด, ละติจูด] (WGS84)',
    en: 'The point must lie in Thailand, as [longitude, latitude] (WGS84).',
  },
} as const satisfies Record<string, { th: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Every code an error body may carry (the OpenAPI document lists them). */
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export interface ErrorBody<C extends ErrorCode = ErrorCode> {
  error: { code: C; th: string; en: string };
}

export function errorBody<C extends ErrorCode>(code: C): ErrorBody<C> {
  return { error: { code, ...ERRORS[code] } };
}

/** A JSON error response, for handlers and middleware that return rather than throw. */
export function apiError<C extends ErrorCode, S extends ContentfulStatusCode>(c: Context, status: S, code: C) {
  return c.json(errorBody(code), status);
}

/** An error to throw from deep inside a handler; Hono turns it into the JSON response. */
export function apiException(
  status: ContentfulStatusCode,
  code: ErrorCode,
  headers?: Record<string, string>,
): HTTPException {
  const res = new Response(JSON.stringify(errorBody(code)), {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
  });
  return new HTTPException(status, { res });
}
