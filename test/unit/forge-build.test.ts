import { describe, expect, it } from 'vitest'
import { garble, probeScheme, reformat, shorten, tamper, wrongSecret } from '../../src/main/engine/forge/build'
import { callPair, sameCall } from '../../src/main/engine/forge/checks-sequence'
import { getProvider } from '../../src/main/engine/providers/registry'

describe('forge delivery building', () => {
  it('garbles a signature to the same length, keeping its prefix', () => {
    const cases: [prefix: string, digest: string][] = [
      ['sha256=', 'ab'.repeat(32)],
      ['v1,', 'A'.repeat(43) + '='],
      ['t=1700000000,v1=', 'cd'.repeat(32)],
      ['', 'ef'.repeat(32)]
    ]
    for (const [prefix, digest] of cases) {
      const out = garble(prefix + digest)
      expect(out).toHaveLength(prefix.length + digest.length)
      expect(out.startsWith(prefix)).toBe(true)
      expect(out.slice(prefix.length)).not.toBe(digest)
    }
  })

  it('shortens a signature to half its digest, keeping its prefix', () => {
    const value = 'sha256=' + 'ab'.repeat(32)
    expect(shorten(value)).toBe('sha256=' + 'ab'.repeat(16))
  })

  it('derives a different secret of the same shape (hex, base64 after whsec_)', () => {
    const hex = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
    expect(wrongSecret(hex)).toHaveLength(hex.length)
    expect(wrongSecret(hex)).not.toBe(hex)
    expect(wrongSecret(hex)).toMatch(/^[0-9a-f]+$/)
    const b64 = 'whsec_' + Buffer.from('0123456789abcdef0123456789').toString('base64')
    const other = wrongSecret(b64)
    expect(other.startsWith('whsec_')).toBe(true)
    expect(Buffer.from(other.slice(6), 'base64').equals(Buffer.from(b64.slice(6), 'base64'))).toBe(false)
  })

  it('tampers with a data value, never the event id or type', () => {
    const sample = { id: 'evt_1', type: 'call.ended', data: { call_id: 'c1', duration_seconds: 127 } }
    const out = tamper(sample) as typeof sample
    expect(out.id).toBe('evt_1')
    expect(out.type).toBe('call.ended')
    expect(out).not.toEqual(sample)
    expect(sample.data.call_id).toBe('c1') // the original is untouched
  })

  it('reformats JSON to other bytes with the same value', () => {
    const sample = { id: 'evt_1', data: { name: 'Zoë', n: 1 } }
    const text = reformat(sample)
    expect(text).not.toBe(JSON.stringify(sample))
    expect(text).toContain('\\u00eb')
    expect(JSON.parse(text)).toEqual(sample)
  })

  it('probes which headers carry the signature and whether the scheme is timestamped', () => {
    const url = 'http://127.0.0.1:1/x'
    expect(probeScheme(getProvider('callpaymin')!, url, 's3cret')).toEqual({ signatureHeaders: ['x-callpaymin-signature'], timestamped: false })
    expect(probeScheme(getProvider('callcall')!, url, 's3cret')).toEqual({ signatureHeaders: ['x-callcall-signature'], timestamped: true })
    expect(probeScheme(getProvider('stripe')!, url, 's3cret').timestamped).toBe(true)
    expect(probeScheme(getProvider('voipbin')!, url, '')).toEqual({ signatureHeaders: [], timestamped: false })
  })

  it('puts the start and end of one call together (out-of-order check)', () => {
    const cpm = callPair(getProvider('callpaymin')!)!
    expect([cpm.start.type, cpm.end.type]).toEqual(['call.created', 'call.ended'])
    const [end, start] = sameCall(cpm.end.sample(), cpm.start.sample()) as { data: { call_id: string } }[]
    expect(start.data.call_id).toBe(end.data.call_id)
    const vb = callPair(getProvider('voipbin')!)!
    expect([vb.start.type, vb.end.type]).toEqual(['call_created', 'call_hungup'])
    const [vEnd, vStart] = sameCall(vb.end.sample(), vb.start.sample()) as { data: { id: string } }[]
    expect(vStart.data.id).toBe(vEnd.data.id)
    expect(callPair(getProvider('callcall')!)).toBeNull()
  })
})
