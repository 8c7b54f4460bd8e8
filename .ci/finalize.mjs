// Last step of a release build (.ci/post-build.sh): gives the JS, Wasm, style sheet and
// loader content-hashed names, so a browser or CDN can never pair a cached file with a
// new one, and writes the service worker's precache list and version. index.html and
// sw.js keep their names: hosts send them with `Cache-Control: no-cache` (README,
// "Publish it").
//   node .ci/finalize.mjs DIR                 (a release build, after wasm-opt)
//   node .ci/finalize.mjs DIR --worker-only   (only the worker's list and version again,
//                                              for a dist/ already finalized: the e2e
//                                              suite's "new deployment")
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) { console.error('usage: finalize.mjs DIR'); process.exit(2); }
const file = (name) => path.join(dir, name);
const read = (name) => fs.readFileSync(file(name));
const hash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12);

/** Renames `name` to carry its content hash before `suffix` ("x.js" -> "x-<hash>.js"). */
function hashed(name, suffix) {
  const stem = name.slice(0, -suffix.length);
  const renamed = `${stem}-${hash(read(name))}${suffix}`;
  fs.renameSync(file(name), file(renamed));
  return renamed;
}

const workerOnly = process.argv.includes('--worker-only');
const names = {};
if (!workerOnly) finalizeNames();
writeWorker();

function finalizeNames() {
/** Writes the hashed names of `named` into the script `name`, which must name each in quotes. */
function nameIn(name, named) {
  let text = read(name).toString();
  for (const plain of named) {
    if (!text.includes(`'${plain}'`)) throw new Error(`${name} does not name '${plain}'`);
    text = text.replaceAll(`'${plain}'`, `'${names[plain]}'`);
  }
  fs.writeFileSync(file(name), text);
}

const builds = (...list) => list.flatMap((build) => [`./${build}_bg.wasm`, `./${build}.js`]);
for (const build of ['first-view', 'messages-explorer', 'corpus-reader']) {
  names[`./${build}_bg.wasm`] = `./${hashed(`${build}_bg.wasm`, '_bg.wasm')}`;
  names[`./${build}.js`] = `./${hashed(`${build}.js`, '.js')}`;
}
names['./style.css'] = `./${hashed('style.css', '.css')}`;
// The corpus worker names the reader's files; the loader names the apps and the worker.
// Each gets the hashed names, then a hash itself.
nameIn('corpus-worker.js', builds('corpus-reader'));
names['./corpus-worker.js'] = `./${hashed('corpus-worker.js', '.js')}`;
nameIn('loader.js', [...builds('first-view', 'messages-explorer'), './corpus-worker.js']);
names['loader.js'] = hashed('loader.js', '.js');

let index = read('index.html').toString();
// The one inline script (it marks a non-home address before the first paint) runs only if
// the page's Content-Security-Policy names its hash: check that they agree.
for (const [, body] of index.matchAll(/<script>([^<]*)<\/script>/g)) {
  const digest = crypto.createHash('sha256').update(body).digest('base64');
  if (!index.includes(`'sha256-${digest}'`)) throw new Error(`index.html: the CSP does not allow the inline script (sha256-${digest})`);
}
for (const [plain, final] of [['./style.css', names['./style.css']], ['loader.js', names['loader.js']]]) {
  const attribute = plain.endsWith('.css') ? `href="${plain}"` : `src="${plain}"`;
  if (!index.includes(attribute)) throw new Error(`index.html has no ${attribute}`);
  index = index.replace(attribute, attribute.replace(plain, final));
}
// Comments are for the source's readers, not for a phone's download; nor are Trunk's
// left-over markers and the blank lines they leave.
index = index.replace(/<!--[\s\S]*?-->/g, '').replace(/<link data-trunk[^>]*>/g, '').replace(/\n\s*\n/g, '\n');
fs.writeFileSync(file('index.html'), index);
}

// The service worker keeps what the first view needs when it installs (the page, loader,
// styles, icons, templates and the first-view build with its corpus), and every other
// view's build (LATER) once the page is idle, so that a phone's first view is not slowed
// by the rest. The version covers every file, so a new full app is a new version too.
function writeWorker() {
const files = fs.readdirSync(dir)
  .filter((name) => !['sw.js'].includes(name) && !name.startsWith('.') && fs.statSync(file(name)).isFile())
  .sort();
const later = (name) => ['messages-explorer', 'corpus-reader', 'corpus-worker'].some((build) => name.startsWith(build));
const precache = files.filter((name) => !later(name));
const version = hash(Buffer.concat(files.map((name) => Buffer.concat([Buffer.from(name), read(name)]))));
let worker = read('sw.js').toString();
for (const [line, value] of [[/const VERSION = '[^']*';/, `const VERSION = '${version}';`],
  [/const FILES = \[[^\]]*\];/, `const FILES = ${JSON.stringify(precache)};`],
  [/const LATER = \[[^\]]*\];/, `const LATER = ${JSON.stringify(files.filter(later))};`]]) {
  if (!line.test(worker)) throw new Error(`sw.js has no line ${line}`);
  worker = worker.replace(line, value);
}
fs.writeFileSync(file('sw.js'), worker);
console.log(`finalize: ${workerOnly ? '' : 'hashed names, '}service worker version ${version}, ${precache.length} files precached, ${files.length - precache.length} after idle`);
}
