import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs; anything that looks like a token is redacted wherever it appears in a logged object. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'quizroom' },
    redact: {
      paths: ['hostToken', 'playerToken', '*.hostToken', '*.playerToken', '*.*.hostToken', '*.*.playerToken', 'tokenHash', '*.tokenHash'],
      censor: '[redacted]',
    },
  });
}
