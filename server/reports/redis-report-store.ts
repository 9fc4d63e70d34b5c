import type { Redis } from 'ioredis';
import type { ReportSummary, SavedReport } from '../../shared/report.js';
import { REPORT_LIST_MAX, summarize, type ReportStore } from './report-store.js';

/**
 * Reports in Redis, under the prefix: `report:<owner>:<id>` holds the report with a TTL of the retention
 * period; `reports:<owner>` (a sorted set by finish time) and `report-summaries:<owner>` (a hash) list them
 * cheaply and are pruned of entries older than the retention when read.
 */
export class RedisReportStore implements ReportStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSec: number,
    private readonly now: () => number = Date.now,
  ) {}

  private reportKey(owner: string, id: string): string {
    return `${this.prefix}report:${owner}:${id}`;
  }

  private indexKey(owner: string): string {
    return `${this.prefix}reports:${owner}`;
  }

  private summaryKey(owner: string): string {
    return `${this.prefix}report-summaries:${owner}`;
  }

  /** Every write is first-wins (SET NX, ZADD NX, HSETNX), so a retried save after an outage cannot change a stored report. */
  async save(owner: string, report: SavedReport): Promise<void> {
    const summary = summarize(report);
    await this.redis
      .multi()
      .set(this.reportKey(owner, report.id), JSON.stringify(report), 'EX', this.ttlSec, 'NX')
      .zadd(this.indexKey(owner), 'NX', summary.finishedAt, report.id)
      .hsetnx(this.summaryKey(owner), report.id, JSON.stringify(summary))
      .expire(this.indexKey(owner), this.ttlSec)
      .expire(this.summaryKey(owner), this.ttlSec)
      .exec();
  }

  async list(owner: string): Promise<ReportSummary[]> {
    const cutoff = this.now() - this.ttlSec * 1000;
    const expired = await this.redis.zrangebyscore(this.indexKey(owner), '-inf', `(${cutoff}`);
    if (expired.length > 0) {
      await this.redis.multi().zrem(this.indexKey(owner), ...expired).hdel(this.summaryKey(owner), ...expired).exec();
    }
    const ids = await this.redis.zrevrange(this.indexKey(owner), 0, REPORT_LIST_MAX - 1);
    if (ids.length === 0) return [];
    const summaries = await this.redis.hmget(this.summaryKey(owner), ...ids);
    return summaries.filter((raw): raw is string => raw !== null).map((raw) => JSON.parse(raw) as ReportSummary);
  }

  async get(owner: string, id: string): Promise<SavedReport | null> {
    const raw = await this.redis.get(this.reportKey(owner, id));
    return raw ? (JSON.parse(raw) as SavedReport) : null;
  }
}
