import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientEvents } from '../shared/client-events.js';
import { ERROR_CODES } from '../shared/errors.js';
import { serverEvents } from '../shared/server-events.js';
import { renderProtocolDoc } from '../scripts/render-protocol-doc.js';

describe('docs/protocol.md', () => {
  it('is generated from the current schemas (run `npm run docs:protocol` after changing them)', () => {
    expect(readFileSync(new URL('../docs/protocol.md', import.meta.url), 'utf8')).toBe(renderProtocolDoc());
  });

  it('lists every event and every error code', () => {
    const doc = renderProtocolDoc();
    for (const name of [...Object.keys(clientEvents), ...Object.keys(serverEvents), ...Object.keys(ERROR_CODES)]) {
      expect(doc).toContain(`\`${name}\``);
    }
  });
});
