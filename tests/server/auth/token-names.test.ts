import { describe, expect, it } from 'vitest';
import { createTokenSchema } from '../../../server/auth/schemas.ts';

describe('API token names', () => {
  const base = { role: 'analyst', scope: { kind: 'national' } };
  it('accept Thai names with tone marks and vowels, and Latin ones', () => {
    expect(createTokenSchema.safeParse({ ...base, name: 'นำเข้าคดีหาดใหญ่ รายเดือน' }).success).toBe(true);
    expect(createTokenSchema.safeParse({ ...base, name: 'hatyai-incidents_2567' }).success).toBe(true);
  });
  it('refuse slashes, quotes and empty names', () => {
    for (const name of ['cron/import', '"x"', '   '])
      expect(createTokenSchema.safeParse({ ...base, name }).success).toBe(false);
  });
});
