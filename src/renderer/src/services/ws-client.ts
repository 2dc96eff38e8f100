import type { Envelope, EventListener, HookscopeApi, HookscopeMethods } from '../../../shared/api'
import { fromErrorInfo, HookscopeError } from '../../../shared/errors'
import { API_METHODS, type ApiEvent } from '../../../shared/methods'

/**
 * Web mode: the same Api as the Electron preload, over a WebSocket to the local engine.
 * The token comes from the URL the CLI printed; it is then removed from the address bar.
 */
/** `onClose` hears once that the engine went away (`serve` stopped): every later call fails at once. */
export function createWebSocketApi(token: string, onClose: () => void = () => {}): HookscopeApi {
  const url = `ws://${location.host}/ws?token=${encodeURIComponent(token)}`
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let nextId = 1
  let socket: WebSocket
  let ready: Promise<void>

  const connect = (): void => {
    socket = new WebSocket(url)
    ready = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true })
      socket.addEventListener('error', () => reject(new HookscopeError('transport', 'Cannot reach the Hookscope engine.')), { once: true })
    })
    ready.catch(() => {})
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(String(message.data)) as
        | ({ id: number } & Envelope<unknown>)
        | { event: string; payload: unknown }
      if ('event' in data) {
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload)
        return
      }
      const waiter = pending.get(data.id)
      if (!waiter) return
      pending.delete(data.id)
      if (data.ok) waiter.resolve(data.result)
      else waiter.reject(fromErrorInfo(data.error))
    })
    socket.addEventListener('close', () => {
      for (const waiter of pending.values()) waiter.reject(closed())
      pending.clear()
      onClose()
    })
  }
  const closed = (): HookscopeError => new HookscopeError('transport', 'Connection to the Hookscope engine closed.')
  connect()

  const call = async (method: string, input: unknown): Promise<unknown> => {
    await ready
    // A send on a closed socket is dropped without an error: the call would wait forever.
    if (socket.readyState !== WebSocket.OPEN) throw closed()
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      socket.send(JSON.stringify({ id, method, input }))
    })
  }

  const methods = Object.fromEntries(API_METHODS.map((m) => [m, (input?: unknown) => call(m, input)]))
  return {
    ...(methods as unknown as HookscopeMethods),
    on<E extends ApiEvent>(event: E, listener: EventListener<E>) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (payload: unknown) => void)
      return () => {
        set.delete(listener as (payload: unknown) => void)
      }
    }
  } satisfies HookscopeApi
}
