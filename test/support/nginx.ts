import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/free-port.js';

const TEMPLATE = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));
const CANDIDATES = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'];

/** Debian's nginx, when installed (`.ci/run` installs it); the proxy tests skip with a message without it. */
export const NGINX = CANDIDATES.find((path): path is string => !!path && existsSync(path));

export interface RunningNginx {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The repository's own deploy/nginx.conf, with its two upstream replicas and its listen port pointed at the
 * test's processes and a free loopback port, inside a minimal main configuration of temporary paths.
 */
export function renderSite(upstreams: [number, number], port: number): string {
  const swaps: [string, string][] = [
    ['server app1:3000;', `server 127.0.0.1:${upstreams[0]};`],
    ['server app2:3000;', `server 127.0.0.1:${upstreams[1]};`],
    ['listen 80;', `listen 127.0.0.1:${port};`],
  ];
  let site = readFileSync(TEMPLATE, 'utf8');
  for (const [from, to] of swaps) {
    if (!site.includes(from)) throw new Error(`deploy/nginx.conf no longer has "${from}"; update the test harness with it`);
    site = site.replace(from, to);
  }
  return site;
}

export async function startNginx(upstreams: [number, number]): Promise<RunningNginx> {
  if (!NGINX) throw new Error('nginx is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'quizroom-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'site.conf'), renderSite(upstreams, port));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${dir}/${name};`).join('\n  ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 1024; }
http {
  access_log off;
  ${temp}
  include ${dir}/site.conf;
}
`,
  );
  const test = spawnSync(NGINX, ['-t', '-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t refused the configuration:\n${test.stderr}`);
  const child = spawn(NGINX, ['-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; ; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 100) throw new Error(`nginx did not answer on ${port}:\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      child.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
