import { useMemo, useState } from 'react'
import type { BodyKind } from '../../lib/body-analysis'
import { workerSource } from '../../lib/body-client'
import { formatBytes } from '../../../../shared/format'
import { memorySource } from '../../lib/json-source'
import { useBody, type BodySource } from '../../hooks/useBody'
import { HexView } from './body/HexView'
import { JsonTree, type TreeMode } from './body/JsonTree'
import { PairsTable } from './body/PairsTable'
import { TextView } from './body/TextView'
import type { DetailTabProps } from './tabs'
import { ErrorNote } from '../ErrorNote'

type Mode = 'pretty' | 'text' | 'hex'

const MODES: Record<BodyKind, Mode[]> = {
  empty: [],
  json: ['pretty', 'text', 'hex'],
  form: ['pretty', 'text', 'hex'],
  text: ['text', 'hex'],
  binary: ['hex', 'text']
}
/** Below this size a JSON body opens fully expanded. */
const SMALL_JSON = 16 * 1024
const MODE_LABEL: Record<Mode, string> = { pretty: 'Pretty', text: 'Text', hex: 'Hex' }

export function BodyTab({ request }: DetailTabProps): React.JSX.Element {
  const encoded = request.contentEncoding !== null && request.bodySize > 0
  const [origin, setOrigin] = useState<BodySource>(encoded ? 'decoded' : 'wire')
  const [chosen, setChosen] = useState<Mode | null>(null)
  const [tree, setTree] = useState<{ generation: number; mode: TreeMode | null }>({ generation: 0, mode: null })
  const effective: BodySource = encoded ? origin : 'wire'
  const shown = useBody(request, effective)
  // When decoding fails the reason is shown above the bytes as received (which load from cache).
  const wire = useBody(request, 'wire')
  const error = shown.error
  const analysis = error && effective === 'decoded' ? wire.analysis : shown.analysis

  const jsonSource = useMemo(
    () => (analysis?.jsonDoc ? workerSource(analysis.jsonDoc) : analysis?.kind === 'json' ? memorySource(analysis.json) : null),
    [analysis]
  )
  const modes = analysis ? MODES[analysis.kind] : []
  const mode = chosen && modes.includes(chosen) ? chosen : modes[0]

  return (
    <div className="body-tab" data-testid="body-view" data-kind={analysis?.kind ?? 'loading'}>
      <div className="toolbar">
        {encoded && (
          <div className="segmented" role="group" aria-label="Encoding">
            <button aria-pressed={effective === 'decoded'} data-testid="body-decoded" onClick={() => setOrigin('decoded')}>
              Decoded ({request.contentEncoding})
            </button>
            <button aria-pressed={effective === 'wire'} data-testid="body-wire" onClick={() => setOrigin('wire')}>
              As received
            </button>
          </div>
        )}
        {modes.length > 1 && (
          <div className="segmented" role="group" aria-label="View">
            {modes.map((m) => (
              <button key={m} aria-pressed={m === mode} data-testid={`body-mode-${m}`} onClick={() => setChosen(m)}>
                {MODE_LABEL[m]}
              </button>
            ))}
          </div>
        )}
        {analysis?.kind === 'json' && mode === 'pretty' && (
          <>
            <button className="ghost" data-testid="json-collapse-all" onClick={() => setTree({ generation: tree.generation + 1, mode: 'collapse' })}>
              Collapse
            </button>
            <button className="ghost" data-testid="json-expand-all" onClick={() => setTree({ generation: tree.generation + 1, mode: 'expand' })}>
              Expand
            </button>
          </>
        )}
        <span className="spacer" />
        {analysis && (
          <span className="muted small">
            {analysis.kind} · {formatBytes(analysis.bytes.length, 'cell')}
            {effective === 'decoded' && !error && ` decoded from ${formatBytes(request.bodySize, 'cell')}`}
          </span>
        )}
      </div>
      <ErrorNote error={error} testId="body-error" />
      {analysis?.jsonError && <div className="inline-warn">{analysis.jsonError}</div>}
      {request.bodyTruncated && <div className="inline-warn">Only the first part of this body was kept (see the note above).</div>}
      {!analysis && !wire.error && <div className="empty">Formatting…</div>}
      {analysis?.kind === 'empty' && <div className="empty">No body.</div>}
      {analysis && jsonSource && mode === 'pretty' && (
        <div className="body-scroll">
          <JsonTree
            source={jsonSource}
            generation={tree.generation}
            mode={tree.mode ?? (analysis.bytes.length < SMALL_JSON ? 'expand' : 'auto')}
          />
        </div>
      )}
      {analysis && mode === 'pretty' && analysis.kind === 'form' && (
        <div className="body-scroll">
          <PairsTable pairs={analysis.fields ?? []} testId="form-view" nameLabel="Field" />
        </div>
      )}
      {analysis && mode === 'text' && <TextView text={analysis.text ?? new TextDecoder().decode(analysis.bytes)} />}
      {analysis && mode === 'hex' && <HexView bytes={analysis.bytes} />}
    </div>
  )
}
