// The build's last steps (.ci/post-build.sh): writes the build table
// (crates/core/src/builds.rs, printed as JSON) into the loader and the corpus worker; on a
// release build also gives the JS, Wasm, style sheet and loader content-hashed names (so a
// browser or CDN can never pair a cached file with a new one) and writes the service
// worker's lists and version. index.html and sw.js keep their names: hosts send them with
// `Cache-Control: no-cache` (README, "Publish it").
//   node .ci/finalize.mjs DIR TABLE --table        (the table, before minifying)
//   node .ci/finalize.mjs DIR TABLE --hash         (a release build, after minifying)
//   node .ci/finalize.mjs DIR TABLE --worker-only  (the service worker's lists and version
//                                                   again, for a dist/ already finalized:
//                                                   the e2e suite's "new deployment")
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [dir, tablePath] = process.argv.slice(2);
if (!dir || !tablePath) { console.error('usage: finalize.mjs DIR TABLE [--hash|--worker-only]'); process.exit(2); }
const table = JSON.parse(fs.readFileSync(tablePath, 'utf8'));
const file = (name) => path.join(dir, name);
const read = (name) => fs.readFileSync(file(name));
const hash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const role = (name) => table.builds.find((b) => b.role === name);
const filesOf = (build) => ({ glue: `./${build.name}.js`, wasm: `./${build.name}_bg.wasm` });

/** Replaces the one line of `name` that `line` matches (it must have one) by `value`. */
function writeLine(name, line, value) {
  const text = read(name).toString();
  if (!line.test(text)) throw new Error(`${name} has no line ${line}`);
  fs.writeFileSync(file(name), text.replace(line, value));
}

// The loader: the apps' files (by role), the addresses only the full app serves, and those
// another of the smaller builds starts for (the set view's, the charts view's). Escaped for
// a regular expression literal (a path such as `set/present` holds a slash).
const escape = (word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const paths = (list) => `^#\\/(${list.map(escape).join('|')})(?:[/?]|$)`;
const fullOnly = `${paths(table.fullOnly.paths)}|[?&](${table.fullOnly.keys.map(escape).join('|')})=`;
const starts = table.builds.filter((b) => !['first', 'full', 'reader'].includes(b.role) && b.starts.length)
  .map((b) => `['${b.role}', /${paths(b.starts)}/]`);
const apps = Object.fromEntries(table.builds.filter((b) => b.role !== 'reader').map((b) => [b.role, filesOf(b)]));
const workerOnly = process.argv.includes('--worker-only');
if (process.argv.includes('--table')) {
  writeLine('loader.js', /const BUILDS = [^;]*;/, `const BUILDS = ${JSON.stringify(apps).replaceAll('"', "'")};`);
  writeLine('loader.js', /const FULL_ONLY = [^;]*;/, `const FULL_ONLY = /${fullOnly}/;`);
  writeLine('loader.js', /const STARTS = [^;]*;/, `const STARTS = [${starts.join(', ')}];`);
  writeLine('corpus-worker.js', /const READER = [^;]*;/, `const READER = ${JSON.stringify(filesOf(role('reader'))).replaceAll('"', "'")};`);
}
if (process.argv.includes('--hash')) hashNames();
if (process.argv.includes('--hash') || workerOnly) writeWorker();

function hashNames() {
  const names = {};
  /** Renames `name` to carry its content hash before `suffix` ("x.js" -> "x-<hash>.js"). */
  function hashed(name, suffix) {
    const stem = name.slice(0, -suffix.length);
    const renamed = `${stem}-${hash(read(name))}${suffix}`;
    fs.renameSync(file(name), file(renamed));
    names[`./${name}`] = `./${renamed}`;
  }
  /** Writes the hashed names of `plain` into the script `name`, which must name each in quotes. */
  function nameIn(name, plain) {
    let text = read(name).toString();
    for (const each of plain) {
      if (!text.includes(`'${each}'`)) throw new Error(`${name} does not name '${each}'`);
      text = text.replaceAll(`'${each}'`, `'${names[each]}'`);
    }
    fs.writeFileSync(file(name), text);
  }
  for (const build of table.builds) {
    hashed(`${build.name}_bg.wasm`, '_bg.wasm');
    hashed(`${build.name}.js`, '.js');
  }
  hashed('style.css', '.css');
  // The corpus worker names the reader's files; the loader names the apps and the worker.
  // Each gets the hashed names, then a hash itself.
  nameIn('corpus-worker.js', Object.values(filesOf(role('reader'))));
  hashed('corpus-worker.js', '.js');
  nameIn('loader.js', [...Object.values(apps).flatMap(Object.values), './corpus-worker.js']);
  hashed('loader.js', '.js');

  let index = read('index.html').toString();
  // The one inline script (it marks a non-home address before the first paint) runs only
  // if the page's Content-Security-Policy names its hash: check that they agree.
  for (const [, body] of index.matchAll(/<script>([^<]*)<\/script>/g)) {
    const digest = crypto.createHash('sha256').update(body).digest('base64');
    if (!index.includes(`'sha256-${digest}'`)) throw new Error(`index.html: the CSP does not allow the inline script (sha256-${digest})`);
  }
  for (const [attribute, plain] of [['href', './style.css'], ['src', './loader.js']]) {
    const written = `${attribute}="${plain.slice(attribute === 'src' ? 2 : 0)}"`;
    if (!index.includes(written)) throw new Error(`index.html has no ${written}`);
    index = index.replace(written, `${attribute}="${names[plain].slice(attribute === 'src' ? 2 : 0)}"`);
  }
  // Comments are for the source's readers, not for a phone's download; nor are Trunk's
  // left-over markers and the blank lines they leave.
  index = index.replace(/<!--[\s\S]*?-->/g, '').replace(/<link data-trunk[^>]*>/g, '').replace(/\n\s*\n/g, '\n');
  fs.writeFileSync(file('index.html'), index);
}

// The service worker keeps what the first view needs when it installs (the page, loader,
// styles, icons, templates and the modules the table keeps at install, `kept: install`),
// the modules kept when idle with their scripts (LATER, `idle`) once the page is idle, so
// that a phone's first view is not slowed by the rest, and a module kept when used (`use`:
// the citation writer) only when a reader fetches it. The version covers every file, so a new full app is a new
// version too.
function writeWorker() {
  const files = fs.readdirSync(dir)
    .filter((name) => name !== 'sw.js' && !name.startsWith('.') && fs.statSync(file(name)).isFile())
    .sort();
  const stems = (kept) => table.builds.filter((b) => b.kept === kept).map((b) => b.name);
  const of = (list) => (name) => list.some((stem) => new RegExp(`^${escape(stem)}-[0-9a-f]{12}(_bg\\.wasm|\\.js)$`).test(name));
  const later = of([...stems('idle'), 'corpus-worker']);
  // A module kept only once used is in neither list: the worker keeps it when it is fetched.
  const whenUsed = of(stems('use'));
  const precache = files.filter((name) => !later(name) && !whenUsed(name));
  const version = hash(Buffer.concat(files.map((name) => Buffer.concat([Buffer.from(name), read(name)]))));
  writeLine('sw.js', /const VERSION = '[^']*';/, `const VERSION = '${version}';`);
  writeLine('sw.js', /const FILES = \[[^\]]*\];/, `const FILES = ${JSON.stringify(precache)};`);
  writeLine('sw.js', /const LATER = \[[^\]]*\];/, `const LATER = ${JSON.stringify(files.filter(later))};`);
  console.log(`finalize: ${workerOnly ? '' : 'hashed names, '}service worker version ${version}, ${precache.length} files precached, ${files.length - precache.length} after idle`);
}
