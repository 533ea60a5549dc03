/**
 * A self-signed certificate for hh.ru & co. on loopback, made with the `openssl` CLI and cached in
 * os.tmpdir() (regenerated after 20 days). Chromium runs with --ignore-certificate-errors, Node clients with
 * rejectUnauthorized:false.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const CERT_SAN =
  'DNS:hh.ru,DNS:*.hh.ru,DNS:hh.kz,DNS:*.hh.kz,DNS:rabota.by,DNS:*.rabota.by,DNS:hh.uz,DNS:*.hh.uz,DNS:localhost,IP:127.0.0.1';
const MAX_AGE_MS = 20 * 24 * 3600_000;

export interface CertPair {
  key: string;
  cert: string;
}

function split(pem: string): CertPair | null {
  const key = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/.exec(pem)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(pem)?.[0];
  return key && cert ? { key: `${key}\n`, cert: `${cert}\n` } : null;
}

/** Key + certificate, from the cache file (one file, replaced atomically) or freshly generated. */
export async function ensureCert(dir = path.join(os.tmpdir(), 'otklik-fake-hh-cert')): Promise<CertPair> {
  const file = path.join(dir, 'hh-loopback.pem');
  try {
    if (Date.now() - fs.statSync(file).mtimeMs < MAX_AGE_MS) {
      const pair = split(fs.readFileSync(file, 'utf8'));
      if (pair) return pair;
    }
  } catch {
    // not there yet
  }
  fs.mkdirSync(dir, { recursive: true });
  // unique temp names, then one rename: parallel test workers may race here
  const tag = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const tmpKey = path.join(dir, `key.${tag}.pem`);
  const tmpCert = path.join(dir, `cert.${tag}.pem`);
  try {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      tmpKey,
      '-out',
      tmpCert,
      '-days',
      '30',
      '-subj',
      '/CN=hh.ru/O=Otklik fake hh',
      '-addext',
      `subjectAltName=${CERT_SAN}`,
    ]);
  } catch (e) {
    throw new Error(`fake-hh: could not generate a certificate with openssl (${(e as Error).message})`);
  }
  const pem = fs.readFileSync(tmpKey, 'utf8') + fs.readFileSync(tmpCert, 'utf8');
  fs.rmSync(tmpKey, { force: true });
  fs.rmSync(tmpCert, { force: true });
  const tmpPair = path.join(dir, `pair.${tag}.pem`);
  fs.writeFileSync(tmpPair, pem, { mode: 0o600 });
  fs.renameSync(tmpPair, file);
  const pair = split(pem);
  if (!pair) throw new Error('fake-hh: openssl produced an unexpected PEM');
  return pair;
}
