namespace DataPulse.Client.Redis;

/// <summary>
/// The store's atomic steps as Lua scripts, one key each, times in Unix milliseconds from the caller's clock. They follow
/// the in-process store's rules exactly: a granted request counts against the window, the lower remaining count of one
/// window wins, a later window replaces an earlier one, past the reset the window starts full at its limit.
/// Numbers travel back as strings: Redis would truncate a Lua number to an integer.
/// </summary>
internal static class RedisScripts
{
    // Returns { status, retryAt }: 0 granted, 1 window unknown, 2 wait until retryAt.
    public const string Acquire = """
        local now = tonumber(ARGV[1])
        local s = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'reset', 'paused')
        local limit, remaining, reset, paused = tonumber(s[1]), tonumber(s[2]), tonumber(s[3]), tonumber(s[4])
        if paused and paused > now then return { 2, tostring(paused) } end
        if reset and now >= reset then
          remaining = limit
          reset = nil
          redis.call('HDEL', KEYS[1], 'reset')
          if limit then redis.call('HSET', KEYS[1], 'remaining', limit) else redis.call('HDEL', KEYS[1], 'remaining') end
        end
        if not remaining then return { 1, '0' } end
        if remaining > 0 then
          redis.call('HSET', KEYS[1], 'remaining', remaining - 1)
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return { 0, '0' }
        end
        if reset then return { 2, tostring(reset) } end
        return { 1, '0' }
        """;

    // ARGV: now, limit ('' when unknown), remaining, reset, expiry.
    public const string Record = """
        local now, limit, reported, reset = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
        if reset <= now then return 0 end
        local s = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'reset')
        local klimit, kremaining, kreset = tonumber(s[1]), tonumber(s[2]), tonumber(s[3])
        if kreset and now >= kreset then
          kremaining = klimit
          kreset = nil
        end
        if limit then klimit = limit end
        if kreset and reset < kreset then return 0 end
        if kremaining and (not kreset or kreset == reset) then kremaining = math.min(kremaining, reported) else kremaining = reported end
        if klimit then redis.call('HSET', KEYS[1], 'limit', klimit) end
        redis.call('HSET', KEYS[1], 'remaining', kremaining, 'reset', string.format('%d', reset))
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    // ARGV: until, expiry.
    public const string Pause = """
        local untilMs = tonumber(ARGV[1])
        local paused = tonumber(redis.call('HGET', KEYS[1], 'paused'))
        if not paused or untilMs > paused then redis.call('HSET', KEYS[1], 'paused', string.format('%d', untilMs)) end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
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
