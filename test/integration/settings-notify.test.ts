// The notification setting through the Api (the same gate IPC and the WebSocket use).
import { afterEach, expect, it } from 'vitest'
import { dispatch } from '../../src/main/transport/dispatch'
import { startTestEngine, type TestEngine } from '../helpers/engine'

let t: TestEngine | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

it('notifyFailedVerification is off by default, survives a restart, and takes only a boolean', async () => {
  t = await startTestEngine()
  expect(await dispatch(t.engine.api, 'getSettings', undefined)).toMatchObject({ ok: true, result: { notifyFailedVerification: false } })
  const refused = await dispatch(t.engine.api, 'updateSettings', { notifyFailedVerification: 'yes' })
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  expect(await dispatch(t.engine.api, 'updateSettings', { notifyFailedVerification: true })).toMatchObject({ ok: true })
  await t.engine.stop()
  const again = await startTestEngine({ dbPath: t.dbPath }, t.dir)
  try {
    expect(again.engine.settings.get()).toMatchObject({ notifyFailedVerification: true, bodyLimitBytes: 25 * 1024 * 1024 })
  } finally {
    await again.engine.stop()
  }
})
