/**
 * `npm run fake-hh [-- --port 8443 --seed 1]` — the fake hh.ru for a person: prints the URL and the Chromium
 * flags, stays up until Ctrl-C. Port from --port, else $FAKE_HH_PORT, else 8443.
 */
import { startFakeHh } from './server.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

const port = Number(arg('port') ?? process.env.FAKE_HH_PORT ?? 8443);
const seed = Number(arg('seed') ?? 1);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`fake-hh: bad port ${String(port)}`);
  process.exit(2);
}

const fake = await startFakeHh({ port, seed, sharedDir: arg('shared') });
const [rules, ignore] = fake.chromiumArgs();
console.log(`fake hh.ru is up on https://127.0.0.1:${fake.port} (${fake.vacancies.length} vacancies, ${fake.dataSource === 'synthetic' ? "the repo's demo set: ../shared not found" : `real data, loaded in ${fake.dataLoadMs} ms`})

Open in Chromium started with:
  chromium '${rules}' ${ignore}
  → ${fake.url('/search/vacancy?text=python')}

or with curl:
  curl -k --resolve hh.ru:${fake.port}:127.0.0.1 'https://hh.ru:${fake.port}/search/vacancy?text=python'

Resumes: ${fake.resumes.map((r) => `${r.title} ${r.hash}`).join(', ')}
Control: GET /__fake/state | GET /__fake/requests | GET /__fake/kinds | POST /__fake/behave {json} | POST /__fake/reset | POST /__fake/clock {advanceMs}
  e.g. curl -k --resolve hh.ru:${fake.port}:127.0.0.1 -X POST -d '{"captcha":true}' https://hh.ru:${fake.port}/__fake/behave
Ctrl-C to stop.`);

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
