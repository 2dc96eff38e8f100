#!/usr/bin/env node
// `npm test` step: Electron security scan with @doyensec/electronegativity, offline.
// Fails on any HIGH-severity finding (or any finding of a check listed as high here) that is not
// explained in security/electronegativity-allow.json. Each allow-list entry needs a reason.
//
// Electronegativity parses TypeScript with typescript-estree 4, which needs TypeScript 4; npm hoists
// that parser to the top level where `typescript` is the project's own (7, no JS API). Point just
// that parser's `require('typescript')` at the copy nested under electronegativity.
const Module = require('node:module')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const root = path.join(__dirname, '..')
const enegDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'))
const nestedTs = path.join(enegDir, 'node_modules', 'typescript')
// Its translation loader fetches a locale file from GitHub before every scan; CI has no internet,
// and the HTTP client's timeout path throws asynchronously. The bundled English strings are enough.
const load = Module._load
Module._load = function (request, parent, ...rest) {
  if (request === 'got' && parent?.filename?.startsWith(enegDir)) return () => Promise.reject(new Error('offline'))
  return load.call(this, request, parent, ...rest)
}
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && fs.existsSync(nestedTs) && parent?.filename && !parent.filename.startsWith(nestedTs)) {
    return resolve.call(this, nestedTs, parent, ...rest)
  }
  return resolve.call(this, request, parent, ...rest)
}

/** Checks that block even when the tool rates them below HIGH: each one undoes a core isolation. */
const ALWAYS_BLOCKING = new Set([
  'CONTEXT_ISOLATION_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'WEB_SECURITY_HTML_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'INSECURE_CONTENT_HTML_CHECK',
  'EXPERIMENTAL_FEATURES_JS_CHECK',
  'BLINK_FEATURES_JS_CHECK',
  'ALLOWPOPUPS_HTML_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
  'REMOTE_MODULE_JS_CHECK'
])

const allowFile = path.join(root, 'security', 'electronegativity-allow.json')
const allow = JSON.parse(fs.readFileSync(allowFile, 'utf8'))
for (const entry of allow) {
  if (!entry.check || !entry.file || !entry.reason || entry.reason.length < 20) {
    console.error(`electronegativity: allow-list entry needs check, file and a real reason: ${JSON.stringify(entry)}`)
    process.exit(1)
  }
}

async function main() {
  const run = require('@doyensec/electronegativity')
  const out = path.join(os.tmpdir(), `hookscope-electronegativity-${process.pid}.csv`)
  // Scans the Electron shell, the preload and the renderer sources (TypeScript), plus the HTML with its CSP.
  const result = await run({
    // An argument scans another folder instead (used to check that the gate fails on a bad window).
    input: process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'src'),
    output: out,
    isSarif: false,
    customScan: null,
    // The one check that needs the internet (it downloads Electron's release list to compare versions).
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    severitySet: null,
    confidenceSet: null,
    isRelative: true,
    parserPlugins: [],
    electronVersionOverride: require(path.join(root, 'node_modules', 'electron', 'package.json')).version
  })
  fs.rmSync(out, { force: true })
  for (const e of result.errors.filter((e) => !e.tolerable)) console.log(`electronegativity: could not parse ${e.file}: ${e.message}`)
  return result.issues
}

main()
  .then((findings) => report(findings))
  .catch((error) => {
    console.error(`electronegativity: the scan itself failed: ${error?.stack ?? error}`)
    process.exit(1)
  })

function report(findings) {
  const allowed = (f) => allow.find((a) => a.check === f.id && f.file.replace(/\\/g, '/').endsWith(a.file))
  const used = new Set()
  let blocking = 0
  const bySeverity = {}
  for (const f of findings) {
    bySeverity[f.severity.name] = (bySeverity[f.severity.name] ?? 0) + 1
    const entry = allowed(f)
    if (entry) used.add(entry)
    const high = f.severity.name === 'HIGH' || f.severity.name === 'CRITICAL' || ALWAYS_BLOCKING.has(f.id)
    const mark = entry ? 'explained' : high ? 'UNEXPLAINED, BLOCKING' : 'note'
    if (high && !entry) blocking++
    console.log(`  [${f.severity.name}/${f.confidence.name}] ${f.id} ${f.file}:${f.location.line} (${mark})${entry ? ' — ' + entry.reason : ''}`)
  }
  for (const a of allow) if (!used.has(a)) console.log(`  allow-list entry no longer needed: ${a.check} in ${a.file}`)
  const summary = Object.entries(bySeverity).map(([k, v]) => `${v} ${k.toLowerCase()}`).join(', ') || 'no findings'
  console.log(`electronegativity: ${findings.length} findings (${summary}); ${blocking} blocking (high or isolation-breaking) without an explanation in security/electronegativity-allow.json`)
  process.exit(blocking ? 1 : 0)
}
