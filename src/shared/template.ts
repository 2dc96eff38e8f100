// Answer templates: a tiny mustache-like substitution, written by hand so that nothing in a template can
// run code. `{{body.data.call_id}}`, `{{header.x-request-id}}`, `{{query.x}}`, `{{event.type}}`... and
// nothing else: no sections, no helpers, no partials. Values are escaped for the answer's content type.
// Shared so both transports reject a broken template when it is saved, with the same message.
import { HookscopeError } from './errors'

export const TEMPLATE_ROOTS = ['body', 'header', 'query', 'method', 'path', 'provider', 'event', 'call'] as const
export type TemplateRoot = (typeof TEMPLATE_ROOTS)[number]

/** Placeholders one template may hold; rendering is one pass over them, so this bounds its time. */
export const MAX_PLACEHOLDERS = 500
/** The rendered answer may not grow beyond this (a body value copied many times). */
export const MAX_RENDERED_CHARS = 1024 * 1024

interface Placeholder {
  root: TemplateRoot
  path: string[]
  /** True when the placeholder sits inside a JSON string literal of the template ("…{{x}}…"). */
  inJsonString: boolean
  source: string
}

export interface CompiledTemplate {
  /** Literal text and placeholders, alternating: literals[i], placeholders[i], literals[i + 1]... */
  literals: string[]
  placeholders: Placeholder[]
}

/** What a template can read from the request being answered. */
export interface TemplateContext {
  body(): unknown
  header(name: string): string | null
  query(name: string): string | null
  method: string
  path: string
  provider: string | null
  eventType: string | null
  eventId: string | null
  callId: string | null
}

export type EscapeMode = 'xml' | 'json' | 'text'

/** The escaping an answer gets from its Content-Type: XML/HTML escaped, JSON string-escaped, else as is. */
export function escapeModeFor(contentType: string | null): EscapeMode {
  const t = (contentType ?? '').toLowerCase()
  if (t.includes('xml') || t.includes('html')) return 'xml'
  if (t.includes('json')) return 'json'
  return 'text'
}

const NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/

/** Parses a template; throws an invalid_input HookscopeError naming the first problem. */
export function compileTemplate(source: string): CompiledTemplate {
  const literals: string[] = []
  const placeholders: Placeholder[] = []
  let pos = 0
  let inString = false
  const scanQuotes = (text: string): void => {
    // Tracks whether the template text so far leaves an open JSON string ("...\"..." escapes count).
    for (let i = 0; i < text.length; i++) {
      const c = text[i]
      if (c === '\\' && inString) i++
      else if (c === '"') inString = !inString
    }
  }
  for (;;) {
    const open = source.indexOf('{{', pos)
    if (open === -1) {
      literals.push(source.slice(pos))
      break
    }
    const close = source.indexOf('}}', open + 2)
    if (close === -1) throw new HookscopeError('invalid_input', `A "{{" at character ${open + 1} is never closed with "}}".`)
    const literal = source.slice(pos, open)
    scanQuotes(literal)
    literals.push(literal)
    const inner = source.slice(open + 2, close).trim()
    if (!NAME.test(inner)) throw new HookscopeError('invalid_input', `"{{${inner}}}" is not a value name: use e.g. {{body.data.call_id}}, {{header.x-request-id}} or {{query.x}}.`)
    const [root, ...path] = inner.split('.')
    if (!(TEMPLATE_ROOTS as readonly string[]).includes(root)) {
      throw new HookscopeError('invalid_input', `"{{${inner}}}" reads "${root}", which is not one of ${TEMPLATE_ROOTS.join(', ')}.`)
    }
    if ((root === 'header' || root === 'query') && path.length !== 1) throw new HookscopeError('invalid_input', `"{{${inner}}}": ${root} takes one name, e.g. {{${root}.x}}.`)
    if ((root === 'event' && !(path.length === 1 && (path[0] === 'type' || path[0] === 'id'))) || (root === 'call' && !(path.length === 1 && path[0] === 'id'))) {
      throw new HookscopeError('invalid_input', `"{{${inner}}}": use {{event.type}}, {{event.id}} or {{call.id}}.`)
    }
    if (['method', 'path', 'provider'].includes(root) && path.length > 0) throw new HookscopeError('invalid_input', `"{{${inner}}}": ${root} has no fields.`)
    if (path.length > 32) throw new HookscopeError('invalid_input', `"{{${inner}}}" is nested too deeply (32 levels at most).`)
    placeholders.push({ root: root as TemplateRoot, path, inJsonString: inString, source: inner })
    if (placeholders.length > MAX_PLACEHOLDERS) throw new HookscopeError('invalid_input', `A template may hold at most ${MAX_PLACEHOLDERS} placeholders.`)
    pos = close + 2
  }
  return { literals, placeholders }
}

export function renderTemplate(t: CompiledTemplate, ctx: TemplateContext, mode: EscapeMode, maxChars = MAX_RENDERED_CHARS): string {
  let out = t.literals[0]
  for (let i = 0; i < t.placeholders.length; i++) {
    const p = t.placeholders[i]
    out += escapeValue(valueOf(p, ctx), mode, p.inJsonString)
    out += t.literals[i + 1]
    if (out.length > maxChars) throw new HookscopeError('invalid_input', `The rendered answer is longer than ${maxChars} characters.`)
  }
  if (out.length > maxChars) throw new HookscopeError('invalid_input', `The rendered answer is longer than ${maxChars} characters.`)
  return out
}

function valueOf(p: Placeholder, ctx: TemplateContext): unknown {
  switch (p.root) {
    case 'body':
      return walk(ctx.body(), p.path)
    case 'header':
      return ctx.header(p.path[0])
    case 'query':
      return ctx.query(p.path[0])
    case 'method':
      return ctx.method
    case 'path':
      return ctx.path
    case 'provider':
      return ctx.provider
    case 'event':
      return p.path[0] === 'type' ? ctx.eventType : ctx.eventId
    case 'call':
      return ctx.callId
  }
}

function walk(node: unknown, path: string[]): unknown {
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    // Own properties only: "__proto__" or "constructor" in a template never reach a prototype.
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

function asText(v: unknown): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v)
}

function escapeValue(v: unknown, mode: EscapeMode, inJsonString: boolean): string {
  switch (mode) {
    case 'text':
      return asText(v)
    case 'xml':
      return asText(v).replace(/[&<>"']/g, (c) => XML_ENTITIES[c])
    case 'json':
      // Inside a string: the text, escaped so it cannot close the string. Outside: a JSON value (strings quoted).
      return inJsonString ? JSON.stringify(asText(v)).slice(1, -1) : JSON.stringify(v === undefined ? null : v)
  }
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Null when the text compiles, else the reason (for schema refinements and forms). */
export function templateProblem(source: string): string | null {
  try {
    compileTemplate(source)
    return null
  } catch (error) {
    return (error as Error).message
  }
}
