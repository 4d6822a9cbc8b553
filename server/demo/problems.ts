/**
 * A few Stronger Together problems for the demo, so the panels, slides and the pack are not empty:
 * per zone, problems raised over the last months before the demo's day (data.asOf), some solved,
 * some sent up to the district or the division, some open for long. Deterministic: the same seed
 * and day give the same problems (a seeded generator, dates counted back from asOf).
 */
import { levelRank, type ProblemLevel, type ProblemStatus } from '../contracts/problems.ts';
import type { NewProblem } from '../queries/problems-write.ts';
import { mulberry32 } from '../random.ts';
import type { DemoData } from './generate.ts';

const STORIES: readonly (readonly [category: string, description: string, network: string])[] = [
  ['dark_spots', 'ซอยทางเดินไปตลาดไม่มีไฟส่องสว่าง ประชาชนกลัวเดินกลับบ้านตอนค่ำ', 'เครือข่ายชุมชนตำบล'],
  ['drugs', 'มีกลุ่มวัยรุ่นมั่วสุมเสพยาในอาคารร้าง', 'อาสาสมัครป้องกันยาเสพติดหมู่บ้าน'],
  ['road_danger', 'ทางแยกหน้าโรงเรียนรถวิ่งเร็ว ไม่มีทางม้าลาย', 'ชมรมผู้ปกครองนักเรียน'],
  ['stray_dogs', 'สุนัขจรจัดรวมฝูงไล่กัดผู้สัญจรหน้าตลาด', 'กลุ่มผู้ค้าในตลาด'],
  ['noise', 'ร้านเหล้าเปิดเพลงเสียงดังเกินเวลา', 'คณะกรรมการชุมชน'],
  ['gambling', 'มีวงพนันไพ่ในบ้านเช่าท้ายซอย', 'เครือข่ายแม่บ้านชุมชน'],
];

const DAY_MS = 86_400_000;
const dayBefore = (asOf: string, days: number): string =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

export function demoProblems(data: Pick<DemoData, 'seed' | 'asOf' | 'zones'>): NewProblem[] {
  const random = mulberry32(data.seed + 21);
  const out: NewProblem[] = [];
  for (const [i, zone] of data.zones.entries()) {
    const count = 1 + (i % 3);
    for (let k = 0; k < count; k++) {
      const [category, description, network] = STORIES[(i * 2 + k) % STORIES.length] as (typeof STORIES)[number];
      const age = 10 + Math.floor(random() * 170);
      const raisedOn = dayBefore(data.asOf, age);
      const fate = random();
      const level: ProblemLevel = fate < 0.25 ? 'division' : fate < 0.4 ? 'district' : 'station';
      const status: ProblemStatus = fate > 0.65 ? 'solved' : fate > 0.45 ? 'in_progress' : 'open';
      const by = 'demo';
      const events: NewProblem['events'][number][] = [
        { on_date: raisedOn, level: 'station', status: 'open', note: null, username: by },
      ];
      const step = Math.max(1, Math.floor(age / 3));
      if (level !== 'station' || status === 'in_progress')
        events.push({
          on_date: dayBefore(raisedOn, -step),
          level,
          status: status === 'solved' ? 'in_progress' : status,
          note: level === 'station' ? 'สถานีประสานหน่วยงานท้องถิ่นแล้ว' : 'เกินกำลังของสถานี ส่งต่อขอสนับสนุน',
          username: by,
        });
      const resolvedOn = status === 'solved' ? dayBefore(raisedOn, -2 * step) : null;
      if (resolvedOn !== null)
        events.push({ on_date: resolvedOn, level, status, note: 'แก้ไขร่วมกับภาคีเครือข่ายแล้ว', username: by });
      const lon = zone.min_lon + (zone.max_lon - zone.min_lon) * (0.3 + 0.4 * random());
      const lat = zone.min_lat + (zone.max_lat - zone.min_lat) * (0.3 + 0.4 * random());
      out.push({
        category,
        category_version: 1,
        raised_on: raisedOn,
        station_code: zone.station_code,
        zone_id: zone.id,
        lon: Math.round(lon * 1e5) / 1e5,
        lat: Math.round(lat * 1e5) / 1e5,
        description,
        raised_by: network,
        level,
        status,
        top_rank: levelRank(level),
        resolved_on: resolvedOn,
        resolution_note: resolvedOn === null ? null : 'แก้ไขร่วมกับภาคีเครือข่ายแล้ว',
        created_by: by,
        events,
      });
    }
  }
  return out;
}
