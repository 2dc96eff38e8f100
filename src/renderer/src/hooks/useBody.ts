import { useEffect, useEffectEvent, useState } from 'react'
import type { CapturedRequest } from '../../../shared/types'
import type { BodyAnalysis } from '../lib/body-analysis'
import { analyze } from '../lib/body-client'
import { fetchDecodedBody, fetchWireBody } from '../services/bodies'
import { HookscopeError } from '../../../shared/errors'
import { errorInfo, type ErrorInfo } from '../lib/errors'

/** 'wire': the bytes as received; 'decoded': undone from Content-Encoding (gzip, deflate, br). */
export type BodySource = 'wire' | 'decoded'

export interface BodyState {
  analysis: BodyAnalysis | null
  error: ErrorInfo | null
}

// Tabs and copy buttons ask for the same body; a few recent results are kept so nothing is redone.
const cache = new Map<string, Promise<BodyAnalysis>>()
const CACHE_SIZE = 6

function load(request: CapturedRequest, source: BodySource): Promise<BodyAnalysis> {
  const key = `${request.id}:${source}`
  const hit = cache.get(key)
  if (hit) return hit
  const job =
    source === 'wire'
      ? fetchWireBody(request).then((base64) => analyze(base64, request.contentType))
      : fetchDecodedBody(request.id).then((d) => {
          if (!d.ok) throw new HookscopeError('undecodable', d.error)
          return analyze(d.bodyBase64, request.contentType)
        })
  cache.set(key, job)
  job.catch(() => cache.delete(key))
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  return job
}

export function useBody(request: CapturedRequest, source: BodySource = 'wire'): BodyState {
  const [state, setState] = useState<BodyState & { key: string }>({ key: '', analysis: null, error: null })
  const key = `${request.id}:${source}`
  // A request's body never changes for its id: a new request object (a pushed verdict) loads nothing.
  const loadCurrent = useEffectEvent(() => load(request, source))
  useEffect(() => {
    let live = true
    loadCurrent().then(
      (analysis) => live && setState({ key, analysis, error: null }),
      (error: unknown) => live && setState({ key, analysis: null, error: errorInfo(error) })
    )
    return () => {
      live = false
    }
  }, [key])
  return state.key === key ? state : { analysis: null, error: null }
}

/** The body for actions (copy, cURL) outside React's render. */
export function loadBody(request: CapturedRequest, source: BodySource = 'wire'): Promise<BodyAnalysis> {
  return load(request, source)
}
