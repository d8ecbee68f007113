// Builds web/dist when it is missing or older than any source of the app; a fast no-op otherwise.
// Run by `npm start` and `npm test` (and the browser suites) with the pinned Node. Several
// processes may ask at once: a lock directory lets one build while the others wait, and the new
// build is swapped in whole so a running server never serves half of one.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const webRoot = import.meta.dirname;
const dist = path.join(webRoot, 'dist');
const stamp = path.join(dist, '.build-stamp');
const lock = path.join(webRoot, '.build-lock');
// The app also bundles one server file, the ISO 4217 table that both format money with.
const sources = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'build-if-stale.ts',
  '../src/platform/iso-4217.ts',
].map((p) => path.join(webRoot, p));
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

function newestMtime(p: string): number {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** True when web/dist is missing, incomplete or older than a source file. */
export function isStale(): boolean {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return sources.some((s) => newestMtime(s) > built);
}

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walkFiles(full, out);
    else out.push(full);
  }
  return out;
}

/** Writes .br and .gz next to each text asset so the server sends them pre-compressed. */
function precompress(dir: string): void {
  for (const file of walkFiles(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const body = readFileSync(file);
    if (body.length < 1024) continue;
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

async function acquireLock(): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      return true;
    } catch {
      // Another process is building. A lock older than five minutes was left by a crash.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      if (Date.now() - started > 5 * 60_000) return false;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Builds into a fresh folder, then swaps it in place of web/dist. */
export async function build(): Promise<void> {
  // The test runner sets NODE_ENV=test, which would make Vite bundle React's development build.
  process.env.NODE_ENV = 'production';
  const { build: viteBuild } = await import('vite');
  const out = path.join(webRoot, `.dist-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  await viteBuild({
    configFile: path.join(webRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true },
  });
  precompress(out);
  writeFileSync(path.join(out, '.build-stamp'), new Date().toISOString());
  const old = path.join(webRoot, `.dist-old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(out, dist);
  rmSync(old, { recursive: true, force: true });
}

/** Builds when stale; returns whether it built. */
export async function buildIfStale(): Promise<boolean> {
  if (!isStale()) return false;
  if (!(await acquireLock())) throw new Error('web build: timed out waiting for another build to finish');
  try {
    if (!isStale()) return false; // someone else built it while we waited
    const t0 = Date.now();
    await build();
    process.stdout.write(`web: built web/dist in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  buildIfStale().catch((err: unknown) => {
    process.stderr.write(`web build failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
