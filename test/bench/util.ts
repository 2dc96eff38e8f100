import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url))

export interface Child {
  child: ChildProcess
  port: number
  /** Stops the child; resolves with the CPU microseconds it reported (0 if none). */
  stop: () => Promise<number>
}

/** Starts a TypeScript script under tsx in its own process and waits for its {"port": N} line. */
export async function startChild(script: string, args: string[]): Promise<Child> {
  const child = spawn(process.execPath, [TSX, fileURLToPath(new URL(script, import.meta.url)), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const lines = createInterface({ input: child.stdout! })
  let cpuUs = 0
  const line = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
  lines.on('line', (l) => (cpuUs = (JSON.parse(l) as { cpuUs?: number }).cpuUs ?? cpuUs))
  const { port } = JSON.parse(line) as { port: number }
  return {
    child,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(cpuUs)
        child.once('exit', () => resolve(cpuUs))
        child.kill('SIGTERM')
      })
  }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

export const fmt = (n: number, digits = 1): string => n.toFixed(digits)

/** A realistic ~1 KB voice-AI webhook body (call event JSON). */
export function sampleBody(i: number): string {
  const base = {
    type: ['call.started', 'call.ended', 'call.transcript', 'recording.ready'][i % 4],
    id: `evt_${i.toString(36).padStart(10, '0')}`,
    created_at: 1_780_000_000 + i,
    data: {
      call_id: `call_${(i * 7919).toString(36)}`,
      from: '+14155550' + String(100 + (i % 900)),
      to: '+14155550199',
      direction: i % 2 ? 'inbound' : 'outbound',
      status: 'completed',
      duration_seconds: i % 600,
      agent: { id: 'agt_support_en', voice: 'alloy', language: 'en-US' },
      transcript: `customer asked about invoice ${i % 1000} and the agent confirmed the refund window`,
      metadata: { campaign: 'spring-retention', region: ['us-east', 'eu-west', 'ap-south'][i % 3], attempt: 1 }
    }
  }
  let json = JSON.stringify(base)
  if (json.length < 1000) json = JSON.stringify({ ...base, padding: 'x'.repeat(1000 - json.length - 14) })
  return json
}
