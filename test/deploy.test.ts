// What can be checked of the container stack without a container engine: compose.yaml parses; every
// variable it gives a Marquee process is one src/config.ts reads; every *_FILE is a secret variable
// with a mounted secret that deploy/make-secrets.sh makes; every file it mounts exists; the image
// starts the command the README documents; the proxy and Prometheus reach all three processes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { SECRET_VARIABLES } from '../src/config.ts';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface Service {
  build?: unknown;
  image?: string;
  environment?: Record<string, string>;
  secrets?: string[];
  volumes?: string[];
  command?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }> | string[];
}
const compose = parse(read('compose.yaml'), { merge: true }) as {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
  volumes: Record<string, unknown>;
};
const marquee = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);
const configSource = read('src/config.ts');
/** Every variable config.ts reads: str/int/bool/url/email(env, 'NAME'). */
const configVariables = new Set(
  [...configSource.matchAll(/\b(?:str|int|bool|url|email)\(env, '([A-Z0-9_]+)'/g)].map((m) => m[1]),
);
/** Node's own variables, which config.ts rightly does not read. */
const NODE_VARIABLES = new Set(['NODE_COMPILE_CACHE']);

test('compose runs three Marquee processes from the Dockerfile, each with an init', () => {
  assert.deepEqual(
    marquee.map(([name]) => name),
    ['marquee-1', 'marquee-2', 'marquee-3'],
  );
  for (const [, s] of marquee) assert.equal((s as { init?: boolean }).init, true);
});

test('every variable compose gives Marquee is read by config.ts, and each *_FILE is a mounted secret variable', () => {
  assert.ok(configVariables.size > 40, 'the variables of config.ts were found');
  for (const [name, service] of marquee) {
    for (const [variable, value] of Object.entries(service.environment ?? {})) {
      const secret = /^(.+)_FILE$/.exec(variable)?.[1];
      if (!secret) {
        assert.ok(configVariables.has(variable), `${name}: ${variable} is not a setting of config.ts`);
        continue;
      }
      assert.ok(
        (SECRET_VARIABLES as readonly string[]).includes(secret),
        `${name}: ${variable} is not the file of a secret variable`,
      );
      const mounted = /^\/run\/secrets\/([a-z_]+)$/.exec(value)?.[1];
      assert.ok(mounted && service.secrets?.includes(mounted), `${name}: ${variable} names a secret it mounts`);
    }
  }
});

test('each secret is a file deploy/make-secrets.sh makes under ./secrets, which git ignores', () => {
  const script = read('deploy/make-secrets.sh');
  const used = new Set(Object.values(compose.services).flatMap((s) => s.secrets ?? []));
  assert.deepEqual([...used].sort(), Object.keys(compose.secrets).sort(), 'every declared secret is used');
  for (const [name, { file }] of Object.entries(compose.secrets)) {
    assert.equal(file, `./secrets/${name}`);
    assert.match(script, new RegExp(`^put ${name} `, 'm'), `make-secrets.sh makes ${name}`);
  }
  assert.match(read('.gitignore'), /^\/secrets\/$/m);
});

test('Marquee connects as its own role, not as the superuser the postgres image makes', () => {
  const postgres = compose.services.postgres!;
  const databaseUrl = /^put database_url "([^"]+)"$/m.exec(read('deploy/make-secrets.sh'))?.[1];
  const appRole = /^postgres:\/\/([^:@]+)[:@]/.exec(databaseUrl ?? '')?.[1];
  assert.equal(appRole, 'marquee');
  // The image makes POSTGRES_USER a superuser: a superuser app could switch audit_log's triggers off.
  assert.notEqual(postgres.environment?.POSTGRES_USER, appRole);
  assert.ok(postgres.volumes?.includes('./deploy/postgres/init:/docker-entrypoint-initdb.d:ro'));
  const init = read('deploy/postgres/init/10-app-role.sh');
  assert.match(init, /create role marquee login nosuperuser nocreatedb nocreaterole noreplication nobypassrls /);
  assert.match(init, /alter database marquee owner to marquee;/);
  // Its password is its own secret, mounted where the init script reads it; the URL is made from it.
  assert.match(init, /\/run\/secrets\/marquee_db_password/);
  assert.ok(postgres.secrets?.includes('marquee_db_password'));
  assert.match(databaseUrl ?? '', /\$\(cat secrets\/marquee_db_password\)/);
});

test('every file and directory compose mounts or builds from exists', () => {
  const sources: string[] = [];
  for (const s of Object.values(compose.services)) {
    for (const v of s.volumes ?? []) if (v.startsWith('./')) sources.push(v.split(':')[0] as string);
    if (s.build !== undefined) sources.push('./Dockerfile');
  }
  // Files a service is told to read inside a mounted directory (Prometheus's config).
  const promMount = compose.services.prometheus?.volumes?.find((v) => v.endsWith(':/etc/prometheus:ro'));
  assert.ok(promMount);
  const promConfig = compose.services.prometheus?.command?.find((c) => c.startsWith('--config.file='));
  sources.push(promConfig!.replace('--config.file=/etc/prometheus', promMount.split(':')[0] as string));
  assert.ok(sources.length >= 6);
  for (const source of sources) assert.ok(fs.existsSync(path.join(root, source)), `${source} exists`);
  // Named volumes are declared.
  for (const s of Object.values(compose.services))
    for (const v of s.volumes ?? []) {
      const name = v.split(':')[0] as string;
      if (!name.startsWith('.') && !name.startsWith('/')) assert.ok(name in compose.volumes, `volume ${name}`);
    }
});

test('services waited for as healthy have a health check; Marquee’s is the image’s, on /healthz', () => {
  const dockerfile = read('Dockerfile');
  for (const [name, s] of Object.entries(compose.services)) {
    const deps = Array.isArray(s.depends_on) ? {} : (s.depends_on ?? {});
    for (const [dep, { condition }] of Object.entries(deps)) {
      if (condition !== 'service_healthy') continue;
      const target = compose.services[dep];
      assert.ok(target, `${name} waits for ${dep}`);
      assert.ok(target.healthcheck || target.build !== undefined, `${dep} has a health check`);
    }
  }
  assert.match(dockerfile, /^HEALTHCHECK .*\n?.*CMD \["node", "-e", ".*\/healthz/m);
});

test('the image runs Node on src/main.ts, the start command the README documents', () => {
  const dockerfile = read('Dockerfile');
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
  assert.ok(cmd, 'an exec-form CMD');
  const command = (JSON.parse(cmd[1] as string) as string[]).join(' ');
  assert.equal(command, 'node src/main.ts');
  assert.doesNotMatch(dockerfile, /^ENTRYPOINT/m, 'no entrypoint of ours in front of Node');
  assert.match(dockerfile, /^USER node$/m, 'not root');
  const readme = read('README.md');
  assert.ok(readme.includes(`runs \`${command}\``), 'the README names the image’s command');
  // npm start runs the same entry point, in-process (no child to forward signals to).
  assert.match(read('scripts/start.ts'), /^await import\('\.\.\/src\/main\.ts'\);$/m);
  assert.match(read('package.json'), /"start": "exec node scripts\/start\.ts"/);
  // Every variable the image sets is a setting (or Node's own).
  for (const m of dockerfile.matchAll(/^\s+([A-Z][A-Z0-9_]+)=/gm))
    assert.ok(configVariables.has(m[1] as string) || NODE_VARIABLES.has(m[1] as string), `${m[1]} is a setting`);
  assert.ok(configVariables.has('HOST') && /HOST=0\.0\.0\.0/.test(dockerfile));
});

test('the image copies nothing the build context leaves out', () => {
  const ignored = read('.dockerignore')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const copied = [...read('Dockerfile').matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) =>
    (m[1] as string).split(' '),
  );
  assert.ok(copied.includes('src') && copied.includes('web'));
  for (const source of copied) {
    assert.ok(fs.existsSync(path.join(root, source)), `${source} exists`);
    assert.ok(!ignored.some((p) => p === source || source.startsWith(`${p}/`)), `${source} is in the build context`);
  }
});

test('the proxy spreads over all three processes without buffering event streams', () => {
  const caddyfile = read('deploy/proxy/Caddyfile');
  const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddyfile)?.[1]?.trim().split(/\s+/);
  assert.deepEqual(
    upstreams,
    marquee.map(([name]) => `${name}:8080`),
  );
  assert.match(caddyfile, /^\s*flush_interval -1$/m);
  assert.match(caddyfile, /^\s*health_uri \/readyz$/m);
  // With a wildcard: the server answers /metrics/ too (Fastify ignores a trailing slash).
  assert.match(caddyfile, /^\s*respond \/metrics\* 404$/m, 'metrics, with any trailing slash, stay inside the stack');
  assert.equal(compose.services['marquee-1']?.environment?.TRUST_PROXY, 'true');
});

test('Prometheus scrapes all three processes and Grafana finds the dashboards where compose mounts them', () => {
  const prometheus = parse(read('deploy/prometheus/prometheus.yml')) as {
    scrape_configs: { static_configs?: { targets: string[] }[] }[];
  };
  const targets = prometheus.scrape_configs.flatMap((c) => (c.static_configs ?? []).flatMap((s) => s.targets));
  for (const [name] of marquee) assert.ok(targets.includes(`${name}:8080`), `${name}:8080 is scraped`);
  const mount = compose.services.grafana?.volumes?.find((v) => v.startsWith('./deploy/grafana/dashboards:'));
  const inside = mount?.split(':')[1];
  const providers = fs
    .readdirSync(path.join(root, 'deploy/grafana/provisioning/dashboards'))
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap(
      (f) =>
        (parse(read(`deploy/grafana/provisioning/dashboards/${f}`)) as { providers: { options: { path: string } }[] })
          .providers,
    );
  assert.ok(providers.length > 0);
  for (const p of providers) assert.ok(inside && p.options.path.startsWith(inside), `provider path ${p.options.path}`);
});

test('traces of every process go to Jaeger over OTLP/HTTP', () => {
  for (const [name, s] of marquee)
    assert.equal(s.environment?.OTEL_EXPORTER_OTLP_ENDPOINT, 'http://jaeger:4318', `${name} exports traces`);
  assert.ok(compose.services.jaeger);
});
