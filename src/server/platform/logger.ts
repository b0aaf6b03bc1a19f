import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** JSON logs (one line per event) carrying the request id; passwords and cookies are never logged. */
export function createLogger(level: Config['logLevel'], destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'dobroset' },
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', 'res.headers["set-cookie"]'],
        remove: true,
      },
    },
    destination,
  );
}
