import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 4242, the embedded database under .atrium and a generated key', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.port).toBe(4242);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/app/.atrium/pglite' });
    expect(config.secretKey).toBeUndefined();
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/atrium' }, '/srv/app');
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://root@127.0.0.1:5432/atrium' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ PORT: '70000' }, 'PORT must be a whole number'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'must start with postgres://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL is not a URL'],
    [{ ATRIUM_SECRET_KEY: 'sk_test_short' }, 'sk_test_ followed by 16 to 247 letters and digits'],
    [{ ATRIUM_SECRET_KEY: 'sk_test_has-dashes-in-it-000000' }, 'sk_test_ followed by'],
    [{ ATRIUM_SECRET_KEY: 'sk_live_abcdefghijklmnop1234' }, 'live key'],
    [{ ATRIUM_ALLOWED_ORIGINS: 'https://shop.example/path' }, "without a path: 'https://shop.example'"],
  ])('refuses %o with a message that says what to fix', (env, message) => {
    expect(() => loadConfig(env, '/srv/app')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/srv/app')).toThrow(message);
  });

  it('accepts a well-formed test key', () => {
    expect(loadConfig({ ATRIUM_SECRET_KEY: 'sk_test_abcdefghijklmnop1234' }).secretKey).toBe(
      'sk_test_abcdefghijklmnop1234',
    );
  });
});
