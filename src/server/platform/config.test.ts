import { describe, expect, it } from 'vitest';
import { configFrom } from '../cli/config-flags.js';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/srv/app/data',
      databaseUrl: null,
      demo: true,
      publicUrl: 'http://localhost:3000',
    });
  });
  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must start with postgres/],
    ['SMTP_URL', 'not a url', /SMTP_URL is not a valid URL/],
    ['DEMO', 'maybe', /DEMO must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['PUBLIC_URL', 'ftp://x', /PUBLIC_URL must start with http/],
    ['MAP_TILE_URL', 'https://tiles.example/x.png', /MAP_TILE_URL must be/],
  ])('%s=%s stops the start with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
  it('never prints a database password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:secret@' })).not.toThrow(/secret/);
  });
  it('flags win over environment variables', () => {
    const c = configFrom({ port: '4000', demo: false, dataDir: '/x' }, { PORT: '5000', DEMO: 'true' });
    expect(c).toMatchObject({ port: 4000, demo: false, dataDir: '/x' });
  });
});
