namespace DataPulse.Client.Redis;

/// <summary>
/// The store's atomic steps as Lua scripts, times in Unix milliseconds from the caller's clock. They are the in-process
/// store's rules (DataPulse.Client's <c>RateLimitWindow</c>) written again, step for step, so that a fleet paces exactly as
/// one process does; the same behaviour tests run against both. Each scope is a hash (the server's words) and a sorted set
/// (the requests out, each scored by when it may be forgotten if its process never records an answer), in one hash slot.
/// Numbers travel back as strings: Redis would truncate a Lua number to an integer.
/// </summary>
internal static class RedisScripts
{
    // KEYS: window hash, leases set. ARGV: now, lease, lease expires at, local in flight, max wait, probe interval, expiry.
    // Returns { status, retryAt, reason, limit, remaining, reset } (status and reason as RateLimitGrantStatus / RateLimitHoldReason).
    public const string Acquire = """
        local now = tonumber(ARGV[1])
        local h = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'reset', 'observed', 'answered', 'refills', 'rate', 'paused', 'pauseSince', 'probeAt', 'fixed',
          'uncounted', 'ceiling', 'ceilingSince')
        local limit, remaining, reset, observed = tonumber(h[1]), tonumber(h[2]), tonumber(h[3]), tonumber(h[4]) or 0
        local answered, refills, rate, fixed = h[5] == '1', h[6] == '1', tonumber(h[7]) or 0, h[11] == '1'
        local uncounted, ceiling = h[12] == '1', tonumber(h[13])
        if ceiling and now - (tonumber(h[14]) or 0) >= tonumber(ARGV[6]) then
          ceiling = nil
          redis.call('HDEL', KEYS[1], 'ceiling')
        end
        local paused, pauseSince, probeAt = tonumber(h[8]), tonumber(h[9]) or 0, tonumber(h[10]) or 0
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
        local out = redis.call('ZCARD', KEYS[2])
        if reset and now >= reset then
          remaining = limit
          reset = nil
          observed = now
          redis.call('HDEL', KEYS[1], 'reset')
          redis.call('HSET', KEYS[1], 'observed', string.format('%d', now))
          if limit then redis.call('HSET', KEYS[1], 'remaining', string.format('%d', limit)) else redis.call('HDEL', KEYS[1], 'remaining') end
        end
        local function s(v) if v then return string.format('%d', v) end return '' end
        local function grant(status, retryAt, reason) return { tostring(status), s(retryAt), tostring(reason), s(limit), s(remaining), s(reset) } end
        local function take(status, retryAt, reason)
          redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
          redis.call('PEXPIRE', KEYS[2], ARGV[7])
          redis.call('PEXPIRE', KEYS[1], ARGV[7])
          return grant(status, retryAt, reason)
        end
        local hold, reason = nil, 0
        if paused and paused > now then
          hold, reason = paused, 2
        elseif remaining == 0 and reset and reset > now then
          hold = reset
          if refills and rate > 0 then
            local nextToken = observed + math.floor(1000 / rate)
            if nextToken < hold then hold = nextToken end
          end
          if hold > now then reason = 1 else hold = nil end
        end
        if hold then
          if hold - now <= tonumber(ARGV[5]) then
            if reason == 1 and (not refills) and (not fixed) and limit and limit >= 2 and now >= probeAt then
              local testAt = observed + math.floor((hold - observed) / limit)
              if now >= testAt then
                redis.call('HSET', KEYS[1], 'probeAt', string.format('%d', hold))
                return take(1, hold, reason)
              end
              return grant(3, testAt, reason)
            end
            return grant(3, hold, reason)
          end
          local spoke = observed
          if reason == 2 then spoke = pauseSince end
          if now < probeAt or now < spoke + tonumber(ARGV[6]) then return grant(4, hold, reason) end
          redis.call('HSET', KEYS[1], 'probeAt', string.format('%d', now + tonumber(ARGV[6])))
          return take(1, hold, reason)
        end
        local allowed = nil
        if not answered then allowed = 4
        elseif remaining and not uncounted then
          allowed = remaining
          if refills and rate > 0 then
            allowed = remaining + math.floor((now - observed) / 1000 * rate)
            if limit and allowed > limit then allowed = limit end
          end
        end
        if ceiling and (allowed == nil or ceiling < allowed) then allowed = ceiling end
        if allowed == nil or out < allowed or tonumber(ARGV[4]) == 0 then return take(0, nil, 0) end
        return grant(2, nil, 0)
        """;

    // KEYS: window hash, leases set. ARGV: lease, sent at, now, answered (1/0), 429 (1/0), Retry-After ms or '', limit or '',
    // remaining or '', reset or '', remaining granted with or '', reset granted with or '', expiry, longest pause, the
    // grant's status and reason (a refused test of a spent window marks it fixed).
    public const string Record = """
        local now, sentAt = tonumber(ARGV[3]), tonumber(ARGV[2])
        local outWithThis = redis.call('ZCARD', KEYS[2])
        redis.call('ZREM', KEYS[2], ARGV[1])
        if ARGV[4] ~= '1' then return 0 end
        local h = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'reset', 'refills', 'rate', 'paused', 'pauseSince', 'ceiling', 'ceilingCap', 'servedAtCeiling')
        local klimit, kremaining, kreset = tonumber(h[1]), tonumber(h[2]), tonumber(h[3])
        local refills, rate = h[4] == '1', tonumber(h[5]) or 0
        local paused, pauseSince = tonumber(h[6]), tonumber(h[7]) or 0
        local tooMany = ARGV[5] == '1'
        redis.call('HSET', KEYS[1], 'answered', '1')
        local retryAfter = tonumber(ARGV[6])
        if tooMany and retryAfter then
          local untilMs = now + math.min(retryAfter, tonumber(ARGV[13]))
          if (not paused) or paused <= now or sentAt >= pauseSince then
            redis.call('HSET', KEYS[1], 'paused', string.format('%d', untilMs), 'pauseSince', string.format('%d', now))
            if not kremaining then
              redis.call('HSET', KEYS[1], 'ceiling', string.format('%d', math.max(1, math.floor(outWithThis / 2))),
                'ceilingCap', string.format('%d', math.max(1, outWithThis - 1)), 'ceilingSince', string.format('%d', now), 'servedAtCeiling', '0')
            end
          elseif untilMs > paused then
            redis.call('HSET', KEYS[1], 'paused', string.format('%d', untilMs))
          end
        elseif (not tooMany) and paused and paused > now and sentAt >= pauseSince then
          redis.call('HDEL', KEYS[1], 'paused')
        end
        if not tooMany then
          local ceiling, cap = tonumber(h[8]), tonumber(h[9]) or 0
          if ceiling and ceiling < cap then
            local served = (tonumber(h[10]) or 0) + 1
            if served >= ceiling then
              redis.call('HSET', KEYS[1], 'ceiling', string.format('%d', ceiling + 1), 'servedAtCeiling', '0')
            else
              redis.call('HSET', KEYS[1], 'servedAtCeiling', string.format('%d', served))
            end
          end
        end
        if tooMany and ARGV[14] == '1' and ARGV[15] == '1' then redis.call('HSET', KEYS[1], 'fixed', '1') end
        local limit = tonumber(ARGV[7])
        if limit then
          klimit = limit
          redis.call('HSET', KEYS[1], 'limit', string.format('%d', limit))
        end
        local remaining = tonumber(ARGV[8])
        if tooMany and retryAfter then remaining = nil end
        if remaining then
          local reset = tonumber(ARGV[9])
          if reset and reset <= now then reset = nil end
          local had, hadReset = tonumber(ARGV[10]), tonumber(ARGV[11])
          if (not refills) and (not tooMany) and had and hadReset and sentAt < hadReset and (had == 0 or (reset and remaining >= had and reset <= hadReset)) then
            refills = true
            redis.call('HSET', KEYS[1], 'refills', '1')
          end
          if (not tooMany) and had and had > 0 and ((not hadReset) or now < hadReset) then
            if remaining >= had then redis.call('HSET', KEYS[1], 'uncounted', '1') else redis.call('HDEL', KEYS[1], 'uncounted') end
          end
          if refills and reset and klimit and klimit > remaining then
            rate = (klimit - remaining) / math.max((reset - now) / 1000, 0.001)
            redis.call('HSET', KEYS[1], 'rate', string.format('%.17g', rate))
          end
          local apply = true
          if refills or (not kreset) or (not reset) or reset > kreset then
            kremaining, kreset = remaining, reset
          elseif reset == kreset then
            kremaining = math.min(kremaining or remaining, remaining)
          else
            apply = false
          end
          if apply then
            redis.call('HSET', KEYS[1], 'remaining', string.format('%d', kremaining), 'observed', string.format('%d', now))
            if kreset then redis.call('HSET', KEYS[1], 'reset', string.format('%d', kreset)) else redis.call('HDEL', KEYS[1], 'reset') end
          end
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[12])
        return 1
        """;

    // ARGV: change, max, expiry. Returns the tokens left.
    public const string Tokens = """
        local change, max = tonumber(ARGV[1]), tonumber(ARGV[2])
        local tokens = tonumber(redis.call('GET', KEYS[1])) or max
        tokens = math.min(max, math.max(0, tokens + change))
        local text = string.format('%.17g', tokens)
        redis.call('SET', KEYS[1], text, 'PX', ARGV[3])
        return text
        """;
}
