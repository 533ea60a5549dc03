#!/usr/bin/env node
// What a built bundle is made of: bytes per package / source folder, from the bundle's source map.
//   OTKLIK_SOURCEMAP=1 OTKLIK_OUT_DIR=/tmp/otk-sizes npx wxt build
//   node scripts/bundle-sizes.mjs /tmp/otk-sizes/chrome-mv3/content-scripts/hh.js
// "gz" per group is that group's code gzipped on its own: it overstates a little (no shared dictionary).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
/** --files: one line per source file instead of per package / folder. */
const perFile = args.includes('--files');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: node scripts/bundle-sizes.mjs [--files] BUNDLE.js (with BUNDLE.js.map beside it)');
  process.exit(2);
}
const js = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** One VLQ-encoded source-map segment → its numbers. */
function decode(seg) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of seg) {
    let d = B64.indexOf(ch);
    const more = d & 32;
    d &= 31;
    value += d << shift;
    if (more) shift += 5;
    else {
      out.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}
const lines = js.split('\n');
const perSource = new Map();
let source = 0;
map.mappings.split(';').forEach((line, li) => {
  const segs = line.split(',').filter(Boolean).map(decode);
  const text = lines[li] ?? '';
  let col = 0;
  segs.forEach((s, i) => {
    col += s[0];
    if (s.length > 1) source += s[1];
    const end = i + 1 < segs.length ? col + segs[i + 1][0] : text.length;
    const name = map.sources[source];
    perSource.set(name, (perSource.get(name) ?? '') + text.slice(col, end));
  });
});
const group = (name) => {
  if (perFile) return name.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');
  const n = name.replace(/^(\.\.\/)+/, '');
  const nm = n.indexOf('node_modules/');
  if (nm >= 0) {
    const parts = n.slice(nm + 13).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const own = /(?:^|\/)((?:lib|entrypoints|components)\/[^/]+)/.exec(n);
  return own ? own[1] : n;
};
const groups = new Map();
for (const [name, code] of perSource) groups.set(group(name), (groups.get(group(name)) ?? '') + code);
console.log(`${file}: ${js.length} B, ${gzipSync(js).length} B gzipped`);
for (const [g, code] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`  ${g.padEnd(36)} ${String(code.length).padStart(7)} B  ~${gzipSync(code).length} B gz`);
}
