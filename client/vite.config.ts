import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { constants } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/client', import.meta.url));

/** The player page must load fast on a school phone over a shared classroom Wi-Fi. */
const PLAYER_BUDGET_BYTES = 60 * 1024;

export default defineConfig({
  root,
  base: '/',
  // Dev only; the real server serves dist/client.
  server: { proxy: { '/socket.io': { target: 'http://localhost:3000', ws: true }, '/api': 'http://localhost:3000' } },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    // Every browser that runs this supports modulepreload; the polyfill would only cost bytes.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { index: join(root, 'index.html'), host: join(root, 'host.html') },
      // The one chunk both pages load: Socket.IO and the common helpers.
      output: { chunkFileNames: 'assets/shared-[hash].js' },
    },
  },
  plugins: [
    playerBudget('index.html', PLAYER_BUDGET_BYTES),
    // Brotli and gzip copies beside every text file, at the highest levels: compressed once here, never per request.
    compression({
      include: /\.(html|js|css|svg|json)$/,
      threshold: 0,
      skipIfLargerOrEqual: true,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
    }),
  ],
});

/**
 * Prints the gzipped size of the JS and CSS a page loads (its own script and stylesheet links
 * plus the chunks those import) and fails the build when it is over budget.
 */
function playerBudget(page: string, budget: number): Plugin {
  return {
    name: 'quizroom:player-budget',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? outDir;
      const html = readFileSync(join(dir, page), 'utf8');
      const linked = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
      const files = new Set<string>();
      const visit = (file: string) => {
        if (files.has(file)) return;
        files.add(file);
        const code = readFileSync(join(dir, file), 'utf8');
        for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) visit(join(file, '..', m[1]!));
      };
      linked.forEach(visit);
      let total = 0;
      for (const file of files) total += gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
      const kb = (total / 1024).toFixed(1);
      const line = `${page}: ${files.size} JS/CSS files, ${kb} KB gzipped (budget ${budget / 1024} KB)`;
      if (total > budget) this.error(`${line}: over budget`);
      this.info?.(line);
    },
  };
}
