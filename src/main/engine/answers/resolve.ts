// Which answer a delivery gets: the configured one, or the rule matching its event type, rendered when
// it is a template. Runs on the capture path: an answer without rules or templates is returned as is.
import type { Header, ResponseConfig } from '../../../shared/types'
import { compileTemplate, escapeModeFor, renderTemplate, type CompiledTemplate, type TemplateContext } from '../../../shared/template'
import type { IncomingDelivery, Inspection } from '../inspect'
import { parseBody } from '../parse-body'

type Answer = Omit<ResponseConfig, 'rules'>

export interface ResolvedAnswer {
  answer: ResponseConfig
  /** Why the answer is not the configured one (a template failed), for the capture's note. */
  note: string | null
}

interface CompiledAnswer {
  body: CompiledTemplate
  headers: [string, CompiledTemplate][]
}

// Answers are long-lived objects (settings, endpoints): compile each template once.
const compiled = new WeakMap<Answer, CompiledAnswer>()

export function resolveAnswer(config: ResponseConfig, delivery: IncomingDelivery, inspection: Inspection): ResolvedAnswer {
  if (!config.template && !config.rules?.length) return { answer: config, note: null }
  const chosen = pickRule(config, inspection.eventType)
  if (!chosen.template) return { answer: chosen, note: null }
  try {
    return { answer: render(chosen, delivery, inspection), note: null }
  } catch (error) {
    const reason = `Answer template failed: ${(error as Error).message}`
    return {
      answer: { status: 500, headers: [['Content-Type', 'application/json']], body: JSON.stringify({ error: reason }), delayMs: 0 },
      note: `${reason} Answered 500.`
    }
  }
}

function pickRule(config: ResponseConfig, eventType: string | null): Answer {
  if (!config.rules || eventType === null) return config
  for (const rule of config.rules) {
    const p = rule.eventType
    if (p === eventType || (p.endsWith('*') && eventType.startsWith(p.slice(0, -1)))) return rule.answer
  }
  return config
}

function render(answer: Answer, d: IncomingDelivery, inspection: Inspection): ResponseConfig {
  let c = compiled.get(answer)
  if (!c) {
    c = { body: compileTemplate(answer.body), headers: answer.headers.map(([n, v]) => [n, compileTemplate(v)]) }
    compiled.set(answer, c)
  }
  const ctx = contextOf(d, inspection)
  const contentType = answer.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null
  // Header values are plain text on the wire; CR/LF would split them, so they are dropped.
  const headers: Header[] = c.headers.map(([n, t]) => [n, renderTemplate(t, ctx, 'text', 8192).replace(/[\r\n]/g, '')])
  return { status: answer.status, headers, body: renderTemplate(c.body, ctx, escapeModeFor(contentType)), delayMs: answer.delayMs }
}

function contextOf(d: IncomingDelivery, inspection: Inspection): TemplateContext {
  let query: URLSearchParams | null = null
  let body: unknown
  let parsed = false
  return {
    body: () => {
      if (!parsed) {
        parsed = true
        body = inspection.parsedBody ? inspection.parsedBody() : parseBody(d)
      }
      return body
    },
    header: (name) => {
      const lower = name.toLowerCase()
      for (const [n, v] of d.headers) if (n.toLowerCase() === lower) return v
      return null
    },
    query: (name) => {
      if (!query) {
        const q = d.path.indexOf('?')
        query = new URLSearchParams(q === -1 ? '' : d.path.slice(q + 1))
      }
      return query.get(name)
    },
    method: d.method,
    path: d.path,
    provider: inspection.provider,
    eventType: inspection.eventType,
    eventId: inspection.eventId,
    callId: inspection.callId
  }
}
