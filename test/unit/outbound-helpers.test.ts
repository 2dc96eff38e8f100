import { describe, expect, it } from 'vitest'
import { mergeJson } from '../../src/main/cli/send'
import { attemptFailed } from '../../src/main/engine/outbound/deliver'
import { eventPatternProblem } from '../../src/main/engine/outbound/event-pattern'
import { ruleMatches } from '../../src/main/engine/outbound/forwarder'
import { prepareHeaders } from '../../src/main/engine/outbound/send-http'
import { resignHeaders, resolveTargetUrl } from '../../src/main/engine/outbound/signing'
import { getProvider } from '../../src/main/engine/providers/registry'
import type { ForwardRule } from '../../src/shared/api/outbound'
import { textToHeaders } from '../../src/renderer/src/lib/outbound-form'

const rule = (patch: Partial<ForwardRule>): ForwardRule => ({
  id: 1, targetUrl: 'http://127.0.0.1:3000', endpoint: null, pathPrefix: null, eventType: null, enabled: true,
  retryProvider: null, timeCompression: 1, consecutiveFailures: 0, disabledReason: null, createdAt: 0,
  matchedCount: 0, lastMatchedAt: null, ...patch
})

describe('outbound helpers', () => {
  it('a bare origin target takes the captured path; a target with a path or a trailing slash is used as is', () => {
    expect(resolveTargetUrl('http://localhost:3000', '/cpm?a=1')).toBe('http://localhost:3000/cpm?a=1')
    expect(resolveTargetUrl('http://localhost:3000/', '/cpm')).toBe('http://localhost:3000/')
    expect(resolveTargetUrl('http://localhost:3000/hooks/x?k=v', '/cpm')).toBe('http://localhost:3000/hooks/x?k=v')
  })

  it('re-signing replaces the signature header in place (original case), drops its duplicates and keeps the Content-Type', () => {
    const provider = getProvider('callpaymin')!
    const headers: [string, string][] = [['content-type', 'application/json; charset=utf-8'], ['x-callpaymin-signature', 'old'], ['X-Other', '1'], ['X-CallPayMin-Signature', 'dup']]
    const out = resignHeaders(provider, headers, Buffer.from('{}'), 'k', { url: 'http://x/', method: 'POST' })
    expect(out.map(([n]) => n)).toEqual(['content-type', 'x-callpaymin-signature', 'X-Other'])
    expect(out[0][1]).toBe('application/json; charset=utf-8')
    expect(out[1][1]).toMatch(/^[0-9a-f]{64}$/)
  })

  it('re-signing a timestamped scheme sets a fresh timestamp header', () => {
    const provider = getProvider('callcall')!
    const out = resignHeaders(provider, [['X-CallCall-Timestamp', '1']], Buffer.from('{}'), 'k', { url: 'http://x/', method: 'POST' })
    const ts = Number(out.find(([n]) => n.toLowerCase() === 'x-callcall-timestamp')![1])
    expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(60)
  })

  it('rules match on endpoint, path prefix and event type; a disabled rule matches nothing', () => {
    const row = { endpoint: '/cpm', path: '/cpm/in?x=1', eventType: 'call.ended' }
    expect(ruleMatches(rule({}), row)).toBe(true)
    expect(ruleMatches(rule({ endpoint: '/cpm', pathPrefix: '/cpm/', eventType: 'call.ended' }), row)).toBe(true)
    expect(ruleMatches(rule({ eventType: 'call.started' }), row)).toBe(false)
    expect(ruleMatches(rule({ pathPrefix: '/billing' }), row)).toBe(false)
    expect(ruleMatches(rule({ endpoint: '/other' }), row)).toBe(false)
    expect(ruleMatches(rule({ enabled: false }), row)).toBe(false)
  })

  it('event type patterns: * matches anything (typed or not), call.* every call event, an exact type only itself', () => {
    const call = { endpoint: null, path: '/x', eventType: 'call.ended' }
    const billing = { endpoint: null, path: '/x', eventType: 'billing.call.charged' }
    const untyped = { endpoint: null, path: '/x', eventType: null }
    expect([call, billing, untyped].map((r) => ruleMatches(rule({ eventType: '*' }), r))).toEqual([true, true, true])
    expect([call, billing, untyped].map((r) => ruleMatches(rule({ eventType: 'call.*' }), r))).toEqual([true, false, false])
    expect([call, billing, untyped].map((r) => ruleMatches(rule({ eventType: '*.charged' }), r))).toEqual([false, true, false])
    expect([call, billing, untyped].map((r) => ruleMatches(rule({ eventType: 'call.ended' }), r))).toEqual([true, false, false])
    // The dot is literal, not "any character".
    expect(ruleMatches(rule({ eventType: 'call.*' }), { ...call, eventType: 'callXended' })).toBe(false)
    expect(eventPatternProblem('call.*')).toBeNull()
    expect(eventPatternProblem('orders/create')).toBeNull()
    expect(eventPatternProblem('call ended')).toMatch(/can never match/)
    expect(eventPatternProblem('call.[a-z]+')).toMatch(/can never match/)
    expect(eventPatternProblem(' call.ended')).toMatch(/spaces around/)
  })

  it('a provider counts no answer and non-2xx as failed', () => {
    expect([null, 199, 200, 204, 299, 300, 404, 500].map(attemptFailed)).toEqual([true, true, false, false, false, true, true, true])
  })

  it('prepareHeaders rewrites Host in place, drops hop-by-hop headers and sets an exact Content-Length', () => {
    const out = prepareHeaders([['X-A', '1'], ['host', 'old'], ['Connection', 'close'], ['Transfer-Encoding', 'chunked'], ['X-A', '2']], new URL('http://127.0.0.1:9/x'), 5, 'POST')
    expect(out).toEqual([['X-A', '1'], ['host', '127.0.0.1:9'], ['X-A', '2'], ['Content-Length', '5']])
  })

  it('--data merges objects key by key and replaces everything else', () => {
    expect(mergeJson({ a: 1, data: { x: 1, y: 2 }, list: [1] }, { data: { y: 3 }, list: [2] })).toEqual({ a: 1, data: { x: 1, y: 3 }, list: [2] })
  })

  it('edited header text keeps order and duplicates and explains a bad line', () => {
    expect(textToHeaders('A: 1\n\nB:2\nA: x: y')).toEqual({ ok: true, headers: [['A', '1'], ['B', '2'], ['A', 'x: y']] })
    expect(textToHeaders('A: 1\nnot a header')).toEqual({ ok: false, error: 'Header line 2 needs "Name: value".' })
  })
})
