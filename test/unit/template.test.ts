import { describe, expect, test } from 'vitest'
import { compileTemplate, escapeModeFor, renderTemplate, templateProblem, type TemplateContext } from '../../src/shared/template'

const ctx = (body: unknown, extra: Partial<TemplateContext> = {}): TemplateContext => ({
  body: () => body,
  header: (n) => (n.toLowerCase() === 'x-id' ? 'h1' : null),
  query: (n) => (n === 'q' ? 'v' : null),
  method: 'POST',
  path: '/p?q=v',
  provider: 'twilio',
  eventType: 'call.ringing',
  eventId: 'CA1',
  callId: 'CA1',
  ...extra
})
const render = (src: string, body: unknown, mode: 'xml' | 'json' | 'text' = 'text') => renderTemplate(compileTemplate(src), ctx(body), mode)

describe('answer templates', () => {
  test('reads body paths (array indexes too), headers case-insensitively, query, event and call', () => {
    expect(render('{{body.a.0.b}} {{header.X-Id}} {{query.q}} {{event.type}} {{event.id}} {{call.id}} {{method}} {{provider}}', { a: [{ b: 7 }] })).toBe(
      '7 h1 v call.ringing CA1 CA1 POST twilio'
    )
    expect(render('[{{ body.missing.deep }}]', {})).toBe('[]')
    expect(render('{{body.o}}', { o: { x: 1 } })).toBe('{"x":1}')
  })

  test('escaping follows the mode: XML entities; JSON string escapes inside strings, JSON values outside', () => {
    expect(render('<Say>{{body.s}}</Say>', { s: `<a href="x">&'` }, 'xml')).toBe('<Say>&lt;a href=&quot;x&quot;&gt;&amp;&apos;</Say>')
    expect(render('{"a": "x\\"{{body.s}}", "b": {{body.s}}}', { s: 'q"\n' }, 'json')).toBe('{"a": "x\\"q\\"\\n", "b": "q\\"\\n"}')
    expect(escapeModeFor('application/xml; charset=utf-8')).toBe('xml')
    expect(escapeModeFor('application/vnd.api+json')).toBe('json')
    expect(escapeModeFor(null)).toBe('text')
  })

  test('no code, no prototypes: only own properties are read and unknown roots are refused', () => {
    expect(render('{{body.constructor}}{{body.__proto__}}', {})).toBe('')
    expect(templateProblem('{{constructor.constructor}}')).toContain('not one of')
    expect(templateProblem('{{body.a + 1}}')).toContain('is not a value name')
    expect(templateProblem('{{#each body}}')).toContain('is not a value name')
    expect(templateProblem('{{header.a.b}}')).toContain('takes one name')
    expect(templateProblem('open {{body')).toContain('never closed')
    expect(templateProblem('{{body.x}}'.repeat(501))).toContain('at most 500')
    expect(templateProblem('plain {not a placeholder}')).toBeNull()
  })

  test('output is bounded', () => {
    expect(() => renderTemplate(compileTemplate('{{body.s}}{{body.s}}'), ctx({ s: 'x'.repeat(60) }), 'text', 100)).toThrow('longer than 100')
  })
})
