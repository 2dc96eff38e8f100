import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http'

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  rawHeaders: string[]
  body: Buffer
}

/**
 * A real HTTP request with full control of header names, order and duplicates
 * (headers given as a flat [name, value, name, value...] list go on the wire exactly so).
 */
export function send(
  url: string,
  options: { method?: string; headers?: OutgoingHttpHeaders | string[]; body?: Buffer | string; localAddress?: string } = {}
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers as OutgoingHttpHeaders, localAddress: options.localAddress }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) })
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(options.body)
  })
}
