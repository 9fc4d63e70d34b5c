import { z } from 'zod';
import { clientEvents } from '../shared/client-events.js';
import { ERROR_CODES } from '../shared/errors.js';
import { serverEvents } from '../shared/server-events.js';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

/** A compact TypeScript-like rendering of a JSON Schema, short enough to read in a table of events. */
function shape(s: JsonSchema, depth = 0): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((u) => shape(u, depth)).join(' | ');
  if (s.type === 'array') return `${shape(s.items ?? {}, depth)}[]`;
  if (s.type === 'object' || s.properties) {
    const props = Object.entries(s.properties ?? {});
    if (props.length === 0) return '{}';
    const pad = '  '.repeat(depth + 1);
    const lines = props.map(([k, v]) => `${pad}${k}${s.required?.includes(k) ? '' : '?'}: ${shape(v, depth + 1)}${notes(v)}`);
    return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}`;
  }
  if (s.type === 'integer') return 'int';
  return Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'unknown');
}

function notes(s: JsonSchema): string {
  const n: string[] = [];
  if (s.pattern) n.push(`/${s.pattern}/`);
  if (s.minimum !== undefined || s.maximum !== undefined) n.push(`${s.minimum ?? ''}..${s.maximum ?? ''}`);
  if (s.maxLength !== undefined) n.push(`≤${s.maxLength} chars`);
  if (s.default !== undefined) n.push(`default ${JSON.stringify(s.default)}`);
  return n.length ? `  // ${n.join(', ')}` : '';
}

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;

/** docs/protocol.md, generated from the zod schemas so the document cannot drift from the wire. */
export function renderProtocolDoc(): string {
  const out: string[] = [
    '# quizroom protocol',
    '',
    'Generated from the zod schemas in `shared/` by `npm run docs:protocol`; a test fails when this file is stale.',
    '',
    'Transport: Socket.IO 4 (WebSocket, with long-polling fallback) at the server origin. Every client-to-server event',
    'carries an ack callback, answered with `{ ok: true, ...result }` or `{ ok: false, error: { code, message } }`.',
    'An event without an ack is dropped; an unknown event with an ack gets `bad_request`. Frames are limited to 16 KB.',
    'The server measures each socket\'s round trip from Engine.IO\'s own ping and pong (every `PING_INTERVAL_MS`,',
    'default 10 s) for fair answer timing; clients need no code for it.',
    '',
    '## Error codes',
    '',
    '| code | meaning |',
    '|---|---|',
    ...Object.entries(ERROR_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`),
    '',
    '## Client → server',
    '',
  ];
  for (const [name, event] of Object.entries(clientEvents)) {
    out.push(`### \`${name}\``, '', event.doc, '', 'Payload:', '', '```ts', shape(json(event.payload, 'input')), '```', '', 'Ack on success:', '', '```ts');
    out.push(shape(json(event.result, 'output')).replace(/^\{/, '{ ok: true,').replace(/^\{ ok: true,\}$/, '{ ok: true }'), '```', '');
  }
  out.push('## Server → client', '');
  for (const [name, event] of Object.entries(serverEvents)) {
    out.push(`### \`${name}\``, '', event.doc, '', '```ts', shape(json(event.payload, 'output')), '```', '');
  }
  return out.join('\n');
}
