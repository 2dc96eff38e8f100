import { useState } from 'react'
import type { EndpointInfo } from '../../../../shared/api/signatures'
import { ANSWER_PRESETS } from '../../../../shared/answer-presets'
import { templateProblem } from '../../../../shared/template'
import type { AnswerRule, Header, ResponseConfig } from '../../../../shared/types'
import { useStore } from '../../store'

interface AnswerDraft {
  status: string
  contentType: string
  body: string
  delay: string
  template: boolean
}

interface RuleDraft extends AnswerDraft {
  eventType: string
}

const contentTypeOf = (headers: Header[]): string => headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? ''

function toDraft(a: Omit<ResponseConfig, 'rules'> | null | undefined): AnswerDraft {
  return {
    status: String(a?.status ?? 200),
    contentType: a ? contentTypeOf(a.headers) : 'application/json',
    body: a?.body ?? '{"received":true}',
    delay: String(a?.delayMs ?? 0),
    template: a?.template ?? false
  }
}

function fromDraft(d: AnswerDraft, original: Header[]): Omit<ResponseConfig, 'rules'> {
  const others = original.filter(([n]) => n.toLowerCase() !== 'content-type')
  const headers: Header[] = d.contentType ? [['Content-Type', d.contentType], ...others] : others
  return { status: Number(d.status) || 200, headers, body: d.body, delayMs: Number(d.delay) || 0, ...(d.template ? { template: true } : {}) }
}

/** Status, content type, body (optionally a template), delay; shared by the answer and each rule. */
function AnswerFields({ draft, onChange, label }: { draft: AnswerDraft; onChange: (d: AnswerDraft) => void; label: string }): React.JSX.Element {
  const problem = draft.template ? templateProblem(draft.body) : null
  const main = label === 'Answer'
  return (
    <div className="answer-fields">
      <div className="ep-form">
        <label className="ep-field">
          <span>Status</span>
          <input value={draft.status} onChange={(e) => onChange({ ...draft, status: e.target.value.replace(/\D/g, '').slice(0, 3) })} aria-label={`${label} status`} data-testid={main ? 'endpoint-answer-status' : undefined} style={{ width: 60, minWidth: 0 }} />
        </label>
        <label className="ep-field">
          <span>Content-Type</span>
          <input value={draft.contentType} onChange={(e) => onChange({ ...draft, contentType: e.target.value })} aria-label={`${label} content type`} title="Content-Type (sets how template values are escaped)" placeholder="none" />
        </label>
        <label className="ep-field">
          <span>Delay (ms)</span>
          <input value={draft.delay} onChange={(e) => onChange({ ...draft, delay: e.target.value.replace(/\D/g, '').slice(0, 6) })} aria-label={`${label} delay (ms)`} data-testid={main ? 'endpoint-answer-delay' : undefined} title="Delay before answering, ms" style={{ width: 80, minWidth: 0 }} />
        </label>
        <label className="check" title="Read the request with {{body.x}}, {{header.x}}, {{query.x}}, {{event.type}}, {{call.id}}; values are escaped for the content type">
          <input type="checkbox" checked={draft.template} onChange={(e) => onChange({ ...draft, template: e.target.checked })} aria-label={`${label} is a template`} /> template
        </label>
        <select
          value=""
          aria-label={`${label} preset`}
          data-testid="answer-preset"
          onChange={(e) => {
            const preset = ANSWER_PRESETS.find((p) => p.id === e.target.value)
            if (preset) onChange({ ...draft, contentType: contentTypeOf(preset.headers), body: preset.body, template: true })
          }}
        >
          <option value="">Preset…</option>
          {ANSWER_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <span className="ep-meta">Body</span>
      <textarea data-testid={main ? 'endpoint-answer-body' : undefined} value={draft.body} onChange={(e) => onChange({ ...draft, body: e.target.value })} aria-label={`${label} body`} rows={Math.min(10, draft.body.split('\n').length + 1)} spellCheck={false} />
      {problem && (
        <div className="inline-error" data-testid="template-problem">
          {problem}
        </div>
      )}
    </div>
  )
}

/** The endpoint's own answer (or the global one when cleared), its rules by event type, and templates. */
export function AnswerForm({ endpoint }: { endpoint: EndpointInfo }): React.JSX.Element {
  const updateEndpoint = useStore((s) => s.updateEndpoint)
  const r = endpoint.response
  const [answer, setAnswer] = useState(toDraft(r))
  const [rules, setRules] = useState<RuleDraft[]>((r?.rules ?? []).map((rule) => ({ eventType: rule.eventType, ...toDraft(rule.answer) })))
  const save = (e: React.FormEvent): void => {
    e.preventDefault()
    const base = fromDraft(answer, r?.headers ?? [])
    const ruleList: AnswerRule[] = rules
      .filter((x) => x.eventType.trim())
      .map((x, i) => ({ eventType: x.eventType.trim(), answer: fromDraft(x, r?.rules?.[i]?.answer.headers ?? []) }))
    void updateEndpoint({ id: endpoint.id, response: { ...base, ...(ruleList.length ? { rules: ruleList } : {}) } })
  }
  return (
    <form className="answer-form" onSubmit={save} data-testid="endpoint-answer-form">
      <span className="ep-meta">Answer (when no rule below matches)</span>
      <AnswerFields draft={answer} onChange={setAnswer} label="Answer" />
      {rules.map((rule, i) => (
        <div key={i} className="answer-rule" data-testid="answer-rule">
          <div className="ep-form">
            <span className="ep-meta">When the event type is</span>
            <input
              value={rule.eventType}
              onChange={(e) => setRules(rules.map((x, j) => (j === i ? { ...x, eventType: e.target.value } : x)))}
              aria-label={`Rule ${i + 1} event type`}
              placeholder="call.created or call.*"
            />
            <button type="button" className="ghost" onClick={() => setRules(rules.filter((_, j) => j !== i))}>
              Remove rule
            </button>
          </div>
          <AnswerFields draft={rule} onChange={(d) => setRules(rules.map((x, j) => (j === i ? { ...x, ...d } : x)))} label={`Rule ${i + 1}`} />
        </div>
      ))}
      <div className="ep-form">
        <button type="button" onClick={() => setRules([...rules, { eventType: '', ...toDraft(null) }])} data-testid="answer-add-rule">
          Add a rule by event type
        </button>
        <span className="spacer" />
        <button type="submit" className="primary" data-testid="endpoint-answer-save">
          Save answer
        </button>
        {r && (
          <button type="button" onClick={() => void updateEndpoint({ id: endpoint.id, response: null })}>
            Use global answer
          </button>
        )}
      </div>
    </form>
  )
}
