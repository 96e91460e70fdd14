import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import directions of src/ (design.md "Layout"). A folder may import itself and the folders listed
 * for it; errors.ts and util/ are importable by all. api, controllers, network and printers stay pure:
 * no node:fs/net/child_process/process and no Date.now(); the simulated runtime never touches the host.
 */
const SRC = resolve(import.meta.dirname, '..', 'src');

const ALLOWED: Record<string, string[]> = {
  '.': ['cli', 'kubesim'],
  cli: ['commands', 'cluster', 'printers', 'resource', 'api', 'store', 'host'],
  kubesim: ['cli', 'cluster', 'store', 'api', 'lab', 'host'],
  commands: ['cli', 'resource', 'printers', 'store', 'cluster', 'runtime', 'host', 'api', 'network'],
  resource: ['store', 'api'],
  printers: ['api'],
  cluster: ['controllers', 'store', 'api', 'network'],
  controllers: ['api'],
  store: ['api'],
  api: [],
  network: ['api'],
  runtime: ['network', 'api'],
  host: ['runtime', 'network', 'store', 'cluster', 'api'],
  lab: [],
  util: [],
};
const PURE = ['api', 'controllers', 'network', 'printers', 'runtime'];
const HOST_MODULES = /^(node:)?(fs|fs\/promises|net|dgram|http|https|http2|tls|child_process|worker_threads|cluster)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function folderOf(file: string): string {
  const rel = relative(SRC, file);
  return rel.includes('/') ? rel.split('/')[0] : '.';
}

const imports = (text: string) => [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('architecture', () => {
  const all = files(SRC);

  it('finds the source tree', () => {
    expect(all.length).toBeGreaterThan(20);
    for (const f of all) expect(Object.keys(ALLOWED)).toContain(folderOf(f));
  });

  for (const file of all) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    it(`${relative(SRC, file)} imports only what ${from} may`, () => {
      for (const spec of imports(text)) {
        if (!spec.startsWith('.')) {
          if (PURE.includes(from)) expect(spec, `${spec} in pure ${from}`).not.toMatch(HOST_MODULES);
          continue;
        }
        const target = resolve(dirname(file), spec);
        const rel = relative(SRC, target);
        const to = rel.includes('/') ? rel.split('/')[0] : rel.replace(/\.js$/, '') === 'errors' ? 'errors' : '.';
        if (to === from || to === 'errors' || to === 'util') continue;
        expect(ALLOWED[from], `${relative(SRC, file)} → ${rel}`).toContain(to);
      }
    });
    if (PURE.includes(from)) {
      it(`${relative(SRC, file)} is pure`, () => {
        expect(text).not.toMatch(/Date\.now\(\)|process\.(env|exit|stdout|stderr|cwd)/);
      });
    }
  }
});
