// The verification snippets are run for real: the Node one as an Express server over HTTP, the Python
// one through Flask's test client. A delivery signed the provider's way must pass (200) and a tampered
// one must be refused (4xx), so a snippet that compiles but verifies the wrong thing fails here.
import { spawn, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, test } from 'vitest'
import { PROVIDERS } from '../../src/main/engine/providers/registry'
import type { Provider } from '../../src/main/engine/providers/types'
import { verificationSnippet } from '../../src/main/engine/signatures/snippets'
import { ROOT } from '../helpers/cli'
import { send } from '../helpers/http'
import { tempDir } from '../helpers/temp'

const PUBLIC = 'https://hooks.example.test'
const temp = tempDir('hookscope-snippets-')
afterAll(() => temp.cleanup())
const hasFlask = spawnSync('python3', ['-c', 'import flask'], { stdio: 'ignore' }).status === 0
const hasCryptography = spawnSync('python3', ['-c', 'import cryptography'], { stdio: 'ignore' }).status === 0
const keyPair = (p: Provider): boolean => p.family === 'ed25519' || p.family === 'ecdsa-p256'

interface Case {
  name: string
  body: string
  headers: [string, string][]
  ok: boolean
}

function casesFor(p: Provider, secret: string): Case[] {
  const form = p.contentType.includes('form')
  const sample = p.events[0].sample() as Record<string, string>
  const body = form ? new URLSearchParams(sample).toString() : JSON.stringify(sample, null, 1)
  const url = `${PUBLIC}/webhooks/${p.id}`
  const headers = p.sign({ body: Buffer.from(body), secret, url })
  const tampered = form ? body + '&Extra=1' : body.replace('{', '{"x":1,')
  const stale = p.timestampToleranceSec ? p.sign({ body: Buffer.from(body), secret, url, timestamp: Math.floor(Date.now() / 1000) - Math.max(600, p.timestampToleranceSec + 300) }) : null
  return [
    { name: 'valid', body, headers, ok: true },
    // A shared token or Basic credentials do not cover the body: a changed body is accepted by design.
    ...(p.family === 'token' || p.family === 'basic' ? [] : [{ name: 'tampered', body: tampered, headers, ok: false }]),
    { name: 'wrong secret', body, headers: p.sign({ body: Buffer.from(body), secret: secret.replace(/.$/, (c) => (c === 'Q' ? 'R' : 'Q')), url }), ok: false },
    { name: 'garbage signature', body, headers: headers.map(([n, v]) => [n, p.signatureHeaders.includes(n) && n === p.signatureHeaders[0] ? 'x' : v]), ok: false },
    ...(stale ? [{ name: 'stale', body, headers: stale, ok: false }] : [])
  ]
}

const SIGNED = PROVIDERS.filter((p) => p.signs)

describe.each(SIGNED)('$id snippet', (p) => {
  const secret = p.sampleSecret?.() ?? 'snippet_test_secret_12345'
  const snippet = verificationSnippet(p.id)
  const route = `/webhooks/${p.id}`
  // Key-pair schemes: the handler holds the public key that matches what sign() made (as a user configures it).
  const configured = p.verificationKeyFor?.(secret) ?? secret

  test('Node (Express, raw body) accepts a valid delivery and refuses tampered, wrong-secret, garbage and stale ones', async () => {
    const file = join(temp.dir, `${p.id}.cjs`)
    const code = snippet.node
      .replace('https://your-public-host', PUBLIC)
      .replace('app.listen(3000)', 'const server = app.listen(0, "127.0.0.1", () => console.log(server.address().port))')
    writeFileSync(file, code)
    const child = spawn(process.execPath, [file], {
      cwd: ROOT,
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), WEBHOOK_SECRET: configured, TWILIO_AUTH_TOKEN: configured },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    try {
      // A snippet that crashes at start fails the test at once, with its error, instead of at the timeout.
      const port = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve)
        child.once('exit', (code) => reject(new Error(`the snippet exited (${code}) before listening:\n${stderr}`)))
      })
      for (const c of casesFor(p, secret)) {
        const res = await send(`http://127.0.0.1:${port}${route}`, { headers: Object.fromEntries(c.headers), body: c.body })
        expect([c.name, res.status < 300], `${res.status} ${res.body.toString().slice(0, 300)}`).toEqual([c.name, c.ok])
        if (!c.ok) expect(res.status, c.name).toBeLessThan(500)
      }
    } finally {
      child.kill()
    }
  })

  test.skipIf(!hasFlask || (keyPair(p) && !hasCryptography))('Python (Flask, request.get_data) accepts a valid delivery and refuses the bad ones', () => {
    const file = join(temp.dir, `${p.id}.py`)
    writeFileSync(file, snippet.python.replace('https://your-public-host', PUBLIC))
    const cases = casesFor(p, secret)
    const harness = [
      'import json, os, sys',
      'spec = json.load(sys.stdin)',
      'os.environ["WEBHOOK_SECRET"] = spec["secret"]',
      'os.environ["TWILIO_AUTH_TOKEN"] = spec["secret"]',
      'ns = {"__name__": "snippet"}',
      'exec(open(spec["file"]).read(), ns)',
      'client = ns["app"].test_client()',
      `print(json.dumps([client.post(spec["route"], data=c["body"].encode(), headers=c["headers"], base_url="${PUBLIC}").status_code for c in spec["cases"]]))`
    ].join('\n')
    const run = spawnSync('python3', ['-c', harness], { input: JSON.stringify({ secret: configured, file, route, cases }), encoding: 'utf8' })
    expect(run.stderr).toBe('')
    const statuses = JSON.parse(run.stdout) as number[]
    expect(cases.map((c, i) => [c.name, statuses[i] < 300])).toEqual(cases.map((c) => [c.name, c.ok]))
    expect(statuses.every((s) => s < 500)).toBe(true)
  })
})
