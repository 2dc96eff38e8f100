import { describe, expect, it } from 'vitest'
import { fromErrorInfo, hasCode, HookscopeError, toErrorInfo } from '../../src/shared/errors'
import { dispatch } from '../../src/main/transport/dispatch'
import type { ApiHandlers } from '../../src/main/engine/engine'

const handlers = (fn: () => unknown): ApiHandlers => ({ getRequest: fn }) as unknown as ApiHandlers

describe('one error type across the transports', () => {
  it('carries a HookscopeError as its code and message, word for word', async () => {
    const reply = await dispatch(handlers(() => {
      throw new HookscopeError('not_found', 'No captured request with id 7.')
    }), 'getRequest', { id: 7 })
    expect(reply).toEqual({ ok: false, error: { code: 'not_found', message: 'No captured request with id 7.' } })
  })

  it('passes any other failure on as an engine_error with its own message (a system code is not an Api code)', async () => {
    const reply = await dispatch(handlers(() => {
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })
    }), 'getRequest', { id: 7 })
    expect(reply).toEqual({ ok: false, error: { code: 'engine_error', message: 'ENOENT: no such file' } })
  })

  it('rebuilds the error on the other side, so callers check codes, not classes', () => {
    const rebuilt = fromErrorInfo({ code: 'conflict', message: 'An endpoint at /a already exists.' })
    expect(rebuilt).toBeInstanceOf(HookscopeError)
    expect(hasCode(rebuilt, 'conflict')).toBe(true)
    expect(hasCode(rebuilt, 'not_found', 'invalid_input')).toBe(false)
    expect(toErrorInfo(rebuilt)).toEqual({ code: 'conflict', message: 'An endpoint at /a already exists.' })
    expect(toErrorInfo('plain text')).toEqual({ code: 'engine_error', message: 'plain text' })
    expect(fromErrorInfo({ code: 'made_up', message: 'x' }).code).toBe('engine_error')
  })
})
