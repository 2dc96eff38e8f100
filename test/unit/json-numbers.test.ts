import { describe, expect, it } from 'vitest'
import { describeJson } from '../../src/renderer/src/lib/json-source'
import { parseJsonFaithfully } from '../../src/renderer/src/lib/json-numbers'

describe('JSON numbers are shown as they arrived', () => {
  it('keeps the source text of numbers a double would print differently', () => {
    const doc = parseJsonFaithfully('{"big":123456789012345678901234567890,"inf":1e400,"negzero":-0,"one":1.0,"ok":42}') as Record<string, unknown>
    expect(describeJson(doc.big)).toEqual({ t: 'scalar', v: 1.2345678901234568e29, raw: '123456789012345678901234567890' })
    expect(describeJson(doc.inf)).toMatchObject({ raw: '1e400' })
    expect(describeJson(doc.negzero)).toMatchObject({ raw: '-0' })
    expect(describeJson(doc.one)).toMatchObject({ raw: '1.0' })
    expect(describeJson(doc.ok)).toEqual({ t: 'scalar', v: 42 })
  })

  it('leaves ordinary documents untouched (no second parse)', () => {
    const doc = parseJsonFaithfully('{"a":[1,2.5,-3],"s":"12345678901234567890 in a string is fine"}')
    expect(doc).toEqual({ a: [1, 2.5, -3], s: '12345678901234567890 in a string is fine' })
  })
})
