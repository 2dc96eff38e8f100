import { toCurl } from '../../../shared/curl'
import type { CapturedRequest } from '../../../shared/types'
import { toHar } from './har'

export type ExportFormat = 'har' | 'json' | 'curl'
export const EXPORT_FORMATS: ExportFormat[] = ['har', 'json', 'curl']

/** The item shape of `list --json` / `show --json` and of JSON exports (DESIGN.md section 4). */
export function toListItem(r: CapturedRequest, withBody: boolean): Record<string, unknown> {
  const { bodyBase64, signature, response, ...rest } = r
  return {
    ...rest,
    headers: r.headers,
    ...(withBody ? { bodyBase64 } : {}),
    ...(signature ? { signature } : {}),
    response: response ? { status: response.status, headers: response.headers, delayMs: response.delayMs } : null
  }
}

/** Renders captures in an export format. Secrets are never part of a capture, so none can leak here. */
export function renderExport(format: ExportFormat, requests: CapturedRequest[], baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, '')
  switch (format) {
    case 'har':
      return JSON.stringify(toHar(requests, base), null, 2) + '\n'
    case 'json':
      return JSON.stringify({ hookscope: 1, requests: requests.map((r) => toListItem(r, true)) }, null, 2) + '\n'
    case 'curl':
      return (
        requests
          .map((r) => `# ${r.id} ${r.method} ${r.path}\n` + toCurl({ method: r.method, url: base + r.path, headers: r.headers, body: Buffer.from(r.bodyBase64, 'base64') }))
          .join('\n\n') + '\n'
      )
  }
}

export const EXPORT_MIME: Record<ExportFormat, { ext: string; mime: string }> = {
  har: { ext: 'har', mime: 'application/json' },
  json: { ext: 'json', mime: 'application/json' },
  curl: { ext: 'sh', mime: 'text/plain' }
}
