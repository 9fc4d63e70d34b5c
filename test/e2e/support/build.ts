import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUILT_PAGE = join(ROOT, 'dist', 'client', 'index.html');
const LOCK = join(ROOT, 'dist', '.client-build.lock');
const STALE_LOCK_MS = 120_000;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(BUILT_PAGE)) return true;
  const built = statSync(BUILT_PAGE).mtimeMs;
  return newestMtime(join(ROOT, 'client')) > built || newestMtime(join(ROOT, 'shared')) > built;
}

/** Test files run in parallel workers: a lock directory lets one of them build while the others wait. */
async function withLock<T>(run: () => T): Promise<T> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds the client with Vite when dist/client is missing or older than the client or shared sources. */
export async function ensureClientBuilt(): Promise<void> {
  if (!isStale()) return;
  await withLock(() => {
    if (!isStale()) return;
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`client build failed:\n${result.stdout}\n${result.stderr}`);
  });
}
