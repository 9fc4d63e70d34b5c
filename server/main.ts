import { startServer } from './app.js';
import { createLogger } from './logger.js';

const logger = createLogger();
// A stray rejection must not take every room down with the process; log it and keep serving.
process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));

const server = await startServer({ logger });

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    void server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
