/**
 * Lua scripts for the steps two processes could race on. Redis runs each one atomically,
 * so "one answer per player" and "one transition per phase" hold across every server process.
 */

/** KEYS: room. ARGV: expected phase, expected questionIndex, then field/value pairs to set. */
export const UPDATE_ROOM = `
if redis.call('HGET', KEYS[1], 'phase') ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'questionIndex') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
return 1`;

/**
 * KEYS: room, nicks, scores, players, tokens, streaks, connected. ARGV: maxPlayers, then for each player:
 * nicknameKey, id, playerJson, tokenHash.
 * The players that asked to join one room in one turn of a process's event loop, added in the order they came.
 * The room's own checks (there, open to joins, not locked) happen in the same step, so a join needs no read
 * before it; each new player counts as connected. Returns the one refusal that holds for all of them, or for
 * each player its status and the player count after it, then the room's hash for the new players' snapshots.
 */
export const ADD_PLAYERS = `
local room = redis.call('HMGET', KEYS[1], 'pin', 'phase', 'locked')
if not room[1] then return {'not_found'} end
if room[2] == 'podium' or room[2] == 'ended' then return {'finished'} end
if room[3] == '1' then return {'room_locked'} end
local count = redis.call('ZCARD', KEYS[3])
local max = tonumber(ARGV[1])
local out = {}
for i = 2, #ARGV, 4 do
  local nick, id = ARGV[i], ARGV[i + 1]
  if redis.call('HEXISTS', KEYS[2], nick) == 1 then out[#out + 1] = 'nickname_taken'
  elseif count >= max then out[#out + 1] = 'room_full'
  else
    redis.call('HSET', KEYS[2], nick, id)
    redis.call('HSET', KEYS[4], id, ARGV[i + 2])
    redis.call('HSET', KEYS[5], ARGV[i + 3], id)
    redis.call('HSET', KEYS[6], id, 0)
    redis.call('ZADD', KEYS[3], 0, id)
    redis.call('SADD', KEYS[7], id)
    count = count + 1
    out[#out + 1] = 'ok'
  end
  out[#out + 1] = count
end
out[#out + 1] = redis.call('HGETALL', KEYS[1])
return out`;

/**
 * KEYS: room, answers of the question, scores, streaks, connected.
 * ARGV: questionIndex, then for each answer: playerId, the answer's JSON without its closing brace, correct (1/0),
 * the length of its points ladder by streak (see `pointsByStreak`), and the ladder.
 * The answers that reached one process in one turn of its event loop, in the order they came. The phase check
 * lives here too, so no answer can slip in after the reveal has read the answers; the streak is read here, so the
 * whole answer is one round trip. Kicked players are off the scores set, which is how they are refused. Returns,
 * for each answer, its status, points, streak and the answers in after it; then the players connected.
 */
export const RECORD_ANSWERS = `
local at = redis.call('HMGET', KEYS[1], 'phase', 'questionIndex')
local open = at[1] == 'question' and at[2] == ARGV[1]
local out = {}
local i = 2
while i <= #ARGV do
  local id, steps = ARGV[i], tonumber(ARGV[i + 3])
  local status, points, streak = 'ok', 0, 0
  if not open then status = 'closed'
  elseif not redis.call('ZSCORE', KEYS[3], id) then status = 'not_playing'
  elseif redis.call('HEXISTS', KEYS[2], id) == 1 then status = 'already_answered'
  else
    if ARGV[i + 2] == '1' then
      streak = tonumber(redis.call('HGET', KEYS[4], id) or '0') + 1
      if steps > 0 then points = tonumber(ARGV[i + 3 + math.min(streak, steps)]) end
    end
    redis.call('HSET', KEYS[2], id, ARGV[i + 1] .. ',"points":' .. points .. ',"streak":' .. streak .. '}')
    if points > 0 then redis.call('ZINCRBY', KEYS[3], points, id) end
    redis.call('HSET', KEYS[4], id, streak)
  end
  out[#out + 1] = status
  out[#out + 1] = points
  out[#out + 1] = streak
  out[#out + 1] = redis.call('HLEN', KEYS[2])
  i = i + 4 + steps
end
out[#out + 1] = redis.call('SCARD', KEYS[5])
return out`;

/** KEYS: kicked, nicks, scores, connected. ARGV: playerId, nicknameKey. */
export const KICK_PLAYER = `
redis.call('SADD', KEYS[1], ARGV[1])
if redis.call('HGET', KEYS[2], ARGV[2]) == ARGV[1] then redis.call('HDEL', KEYS[2], ARGV[2]) end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
return 1`;

/** KEYS: connected, scores. ARGV: playerId. Only players still in the game count as connected. */
export const MARK_CONNECTED = `
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then redis.call('SADD', KEYS[1], ARGV[1]) end
return 1`;

/**
 * KEYS: lease, room. ARGV: owner, ttlMs. Extends the lease if it is still ours and its room still has a clock to
 * run: 1, else 0. A room another process ended, or one the store no longer has, is no lease worth keeping.
 */
export const RENEW_LEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local phase = redis.call('HGET', KEYS[2], 'phase')
if not phase or phase == 'ended' then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** KEYS: lease. ARGV: owner. Frees the lease only if it is still ours. */
export const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;
