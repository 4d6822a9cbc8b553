import { ensureNational, nationalSpec } from './lib/national.ts';
const r = await ensureNational(nationalSpec(Number(process.argv[2] ?? 0.01)), console.log, true);
console.log(r.info);
