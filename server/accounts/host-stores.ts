import { MemoryQuizLibrary, type QuizLibrary } from '../quiz/library.js';
import { RedisQuizLibrary } from '../quiz/library-redis.js';
import { RedisReportStore } from '../reports/redis-report-store.js';
import { MemoryReportStore, type ReportStore } from '../reports/report-store.js';
import { RedisStore } from '../store/redis-store.js';
import type { RoomStore } from '../store/room-store.js';
import { MemoryAccountStore } from './account-store.js';
import { Accounts } from './accounts.js';
import { LoginLimits, type LoginLimitSettings } from './login-limits.js';
import { RedisAccountStore } from './redis-account-store.js';

/** What hosts keep between games: their accounts and sessions, their quizzes, their games' reports. */
export interface HostStores {
  accounts: Accounts;
  library: QuizLibrary;
  reports: ReportStore;
}

/**
 * Host data lives where the rooms live: in the room store's Redis (its connection, under its prefix) so it
 * survives restarts and is shared by every process, or in memory beside a memory room store.
 */
export function openHostStores(store: RoomStore, settings: { loginLimits: LoginLimitSettings; reportTtlSec: number; now: () => number }): HostStores {
  if (store instanceof RedisStore) {
    const { redis, prefix } = store;
    return {
      accounts: new Accounts(new RedisAccountStore(redis, prefix), new LoginLimits(settings.loginLimits, { client: redis, prefix }), settings.now),
      library: new RedisQuizLibrary(redis, prefix),
      reports: new RedisReportStore(redis, prefix, settings.reportTtlSec, settings.now),
    };
  }
  return {
    accounts: new Accounts(new MemoryAccountStore(settings.now), new LoginLimits(settings.loginLimits), settings.now),
    library: new MemoryQuizLibrary(),
    reports: new MemoryReportStore(settings.reportTtlSec, settings.now),
  };
}
