import type { Redis } from 'ioredis';
import type { Quiz } from '../../shared/quiz.js';
import { LIBRARY_MAX_QUIZZES, type LibraryEntry, type QuizLibrary, type SaveOutcome } from './library.js';

/**
 * Reads the previous entry, checks the mode and writes the next version in one step, so two saves of
 * the same quiz (two tabs) always get two different versions.
 * KEYS[1] the owner's hash; ARGV quizId, quiz JSON, now, mode, max quizzes.
 */
const SAVE = `
local previous = redis.call('HGET', KEYS[1], ARGV[1])
if ARGV[4] == 'update' and not previous then return 'missing' end
if ARGV[4] == 'create' then
  if previous then return 'exists' end
  if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[5]) then return 'full' end
end
local version = 1
if previous then version = cjson.decode(previous).version + 1 end
redis.call('HSET', KEYS[1], ARGV[1], '{"version":' .. version .. ',"updatedAt":' .. ARGV[3] .. ',"quiz":' .. ARGV[2] .. '}')
return version
`;

type SaveScript = (key: string, quizId: string, quiz: string, now: number, mode: string, max: number) => Promise<number | string>;

/** Host quizzes in Redis: one hash per account under the prefix, quiz id → `{ version, updatedAt, quiz }`. No expiry. */
export class RedisQuizLibrary implements QuizLibrary {
  private readonly saveScript: SaveScript;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('qrLibrarySave', { numberOfKeys: 1, lua: SAVE });
    this.saveScript = (...args) => (redis as unknown as Record<string, SaveScript>).qrLibrarySave!(...args);
  }

  private key(ownerId: string): string {
    return `${this.prefix}library:${ownerId}`;
  }

  async list(ownerId: string): Promise<LibraryEntry[]> {
    return Object.values(await this.redis.hgetall(this.key(ownerId))).map((raw) => JSON.parse(raw) as LibraryEntry);
  }

  async get(ownerId: string, quizId: string): Promise<LibraryEntry | null> {
    const raw = await this.redis.hget(this.key(ownerId), quizId);
    return raw ? (JSON.parse(raw) as LibraryEntry) : null;
  }

  async save(ownerId: string, quiz: Quiz, mode: 'create' | 'update', now: number): Promise<SaveOutcome> {
    const result = await this.saveScript(this.key(ownerId), quiz.id, JSON.stringify(quiz), now, mode, LIBRARY_MAX_QUIZZES);
    if (typeof result === 'number') return { saved: true, version: result };
    return { saved: false, reason: result as 'missing' | 'exists' | 'full' };
  }

  async remove(ownerId: string, quizId: string): Promise<boolean> {
    return (await this.redis.hdel(this.key(ownerId), quizId)) === 1;
  }
}
