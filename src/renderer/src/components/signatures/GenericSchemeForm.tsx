import { useState } from 'react'
import type { EndpointInfo } from '../../../../shared/api/signatures'
import { useStore } from '../../store'

type Scheme = NonNullable<EndpointInfo['generic']>
const DEFAULT: Scheme = { header: 'X-Signature', algorithm: 'sha256', encoding: 'hex', prefix: '', template: '{body}', secretKey: 'raw' }

/** The user-defined HMAC scheme of one endpoint: header, algorithm, encoding, prefix, signed template. */
export function GenericSchemeForm({ endpoint }: { endpoint: EndpointInfo }): React.JSX.Element {
  const updateEndpoint = useStore((s) => s.updateEndpoint)
  const [scheme, setScheme] = useState<Scheme>(endpoint.generic ?? DEFAULT)
  const set = <K extends keyof Scheme>(key: K, value: Scheme[K]): void => setScheme((s) => ({ ...s, [key]: value }))
  const save = (e: React.FormEvent): void => {
    e.preventDefault()
    void updateEndpoint({ id: endpoint.id, generic: { ...scheme, timestampHeader: scheme.timestampHeader?.trim() || undefined } })
  }
  return (
    <form className="ep-form" onSubmit={save} data-testid="generic-scheme-form">
      <span className="ep-meta">Scheme</span>
      <input value={scheme.header} onChange={(e) => set('header', e.target.value)} aria-label="Signature header" placeholder="X-Signature" />
      <select value={scheme.algorithm} onChange={(e) => set('algorithm', e.target.value as Scheme['algorithm'])} aria-label="Algorithm">
        <option value="sha1">HMAC-SHA1</option>
        <option value="sha256">HMAC-SHA256</option>
        <option value="sha512">HMAC-SHA512</option>
      </select>
      <select value={scheme.encoding} onChange={(e) => set('encoding', e.target.value as Scheme['encoding'])} aria-label="Encoding">
        <option value="hex">hex</option>
        <option value="base64">base64</option>
      </select>
      <input value={scheme.prefix} onChange={(e) => set('prefix', e.target.value)} aria-label="Prefix" placeholder="prefix, e.g. sha256=" />
      <input value={scheme.template} onChange={(e) => set('template', e.target.value)} aria-label="Signed template" placeholder="{timestamp}.{body}" />
      <input
        value={scheme.timestampHeader ?? ''}
        onChange={(e) => set('timestampHeader', e.target.value)}
        aria-label="Timestamp header"
        placeholder="timestamp header (optional)"
      />
      <button type="submit">Save scheme</button>
    </form>
  )
}
