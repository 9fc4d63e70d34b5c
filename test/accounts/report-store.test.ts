import { afterAll, describe, expect, it } from 'vitest';
import type { SavedReport } from '../../shared/report.js';
import { RedisReportStore } from '../../server/reports/redis-report-store.js';
import { MemoryReportStore, type ReportStore } from '../../server/reports/report-store.js';
import type { RedisStore } from '../../server/store/redis-store.js';
import { dropPrefix, openRedisStore, testPrefix } from '../support/redis.js';

const DAY = 24 * 3600;

function report(id: string, finishedAt: number, title = 'Quiz'): SavedReport {
  return {
    id,
    pin: id.slice(-6),
    quizId: 'q',
    quizTitle: title,
    quizVersion: 2,
    startedAt: finishedAt - 60_000,
    finishedAt,
    endedEarly: false,
    questions: [],
    players: [{ nickname: 'Ada', score: 900, rank: 1, correct: 1, answered: 1, accuracy: 1, answers: [] }],
    hardest: [],
    needsHelp: [],
  };
}

const prefixes: string[] = [];
const redisStores: RedisStore[] = [];
afterAll(async () => {
  for (const s of redisStores) await s.close();
  for (const p of prefixes) await dropPrefix(p);
});

const kinds: [string, (ttlSec: number, now: () => number, prefix?: string) => Promise<ReportStore>][] = [
  ['memory', async (ttl, now) => new MemoryReportStore(ttl, now)],
  [
    'redis',
    async (ttl, now, prefix = testPrefix('reports')) => {
      prefixes.push(prefix);
      const store = await openRedisStore(prefix);
      redisStores.push(store);
      return new RedisReportStore(store.redis, prefix, ttl, now);
    },
  ],
];

describe.each(kinds)('the %s report store', (_kind, open) => {
  it('keeps the first save of a report: a podium announced again changes nothing', async () => {
    const store = await open(90 * DAY, Date.now);
    const now = Date.now();
    await store.save('acct', report('a1-123456', now, 'First'));
    await store.save('acct', report('a1-123456', now + 5000, 'Second'));
    expect((await store.get('acct', 'a1-123456'))?.quizTitle).toBe('First');
    expect(await store.list('acct')).toEqual([expect.objectContaining({ id: 'a1-123456', quizTitle: 'First', finishedAt: now, playerCount: 1, averageAccuracy: 1 })]);
  });

  it('lists newest first, per owner only', async () => {
    const store = await open(90 * DAY, Date.now);
    const now = Date.now();
    await store.save('mine', report('b1-111111', now - 2000));
    await store.save('mine', report('b2-222222', now));
    await store.save('theirs', report('b3-333333', now));
    expect((await store.list('mine')).map((r) => r.id)).toEqual(['b2-222222', 'b1-111111']);
    expect(await store.get('mine', 'b3-333333')).toBeNull();
  });

  it('forgets reports older than the retention', async () => {
    let clock = Date.now();
    const store = await open(DAY, () => clock);
    await store.save('acct', report('c1-444444', clock));
    clock += DAY * 1000 + 1;
    await store.save('acct', report('c2-555555', clock));
    expect((await store.list('acct')).map((r) => r.id)).toEqual(['c2-555555']);
  });
});

describe('reports in Redis', () => {
  it('carry a TTL of the retention and survive a new connection (a restart)', async () => {
    const prefix = testPrefix('reports');
    const first = await kinds[1]![1](7 * DAY, Date.now, prefix);
    await first.save('acct', report('d1-666666', Date.now()));
    const raw = await openRedisStore(prefix);
    redisStores.push(raw);
    const ttl = await raw.redis.ttl(`${prefix}report:acct:d1-666666`);
    expect(ttl).toBeGreaterThan(7 * DAY - 60);
    expect(ttl).toBeLessThanOrEqual(7 * DAY);
    const second = await kinds[1]![1](7 * DAY, Date.now, prefix);
    expect((await second.get('acct', 'd1-666666'))?.players[0]?.nickname).toBe('Ada');
  });
});
