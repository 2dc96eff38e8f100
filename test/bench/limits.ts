// The per-delivery cost of the flood limits and the free-disk guard, in isolation: the admission
// check the receiver runs before reading each body, against an empty loop, in nanoseconds.
import type { IncomingMessage } from 'node:http'
import { Admission } from '../../src/main/engine/limits/admission'
import type { DiskGuard } from '../../src/main/engine/limits/disk-guard'
import { DEFAULT_SETTINGS } from '../../src/main/engine/settings-store'
import type { Settings } from '../../src/shared/types'
import { fmt } from './util'

const N = 2_000_000

function nsPerCall(fn: (i: number) => unknown): number {
  for (let i = 0; i < 100_000; i++) fn(i)
  const started = process.hrtime.bigint()
  for (let i = 0; i < N; i++) fn(i)
  return Number(process.hrtime.bigint() - started) / N
}

export async function limitsBench(): Promise<boolean> {
  const disk = { low: false } as DiskGuard
  const clients = Array.from({ length: 200 }, (_, i) => ({ socket: { remoteAddress: `10.0.${i >> 8}.${i & 255}` } }) as unknown as IncomingMessage)
  const run = (settings: Settings, viaTunnel: boolean): number => {
    const admission = new Admission(() => settings, disk)
    let refused = 0
    const ns = nsPerCall((i) => {
      const req = clients[i % clients.length]
      const client = viaTunnel ? req.socket.remoteAddress! : null
      if (admission.check(req, { viaTunnel, forwardedFor: client, peer: client })) refused++
    })
    if (refused) throw new Error(`the limit refused ${refused} deliveries; it should never refuse here`)
    return ns
  }
  const empty = nsPerCall((i) => clients[i % clients.length].socket.remoteAddress)
  const off = run(DEFAULT_SETTINGS, false)
  const on = run({ ...DEFAULT_SETTINGS, rateLimit: { tunnelPerSecond: 1e9, localPerSecond: 1e9 } }, false)
  const tunnel = run({ ...DEFAULT_SETTINGS, rateLimit: { tunnelPerSecond: 1e9, localPerSecond: 0 } }, true)
  console.log(
    `limits: admission check per delivery (200 clients): local limit off ${fmt(off)} ns, local limit on ${fmt(on)} ns, ` +
      `tunnel limit on ${fmt(tunnel)} ns; empty loop ${fmt(empty)} ns (a delivery costs ~90,000 ns of CPU, see capture)`
  )
  return true
}
