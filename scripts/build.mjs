import { buildAsync, buildServer } from './build-lib.mjs';

if (process.argv.includes('--server-only')) await buildServer();
else await buildAsync({ quiet: process.argv.includes('--quiet') });
