import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib'

/** Never inflate more than this for display or indexing: a zip bomb must not take the app's memory. */
export const MAX_DECODED_BYTES = 64 * 1024 * 1024

export type DecodeResult =
  | { ok: true; bytes: Buffer; encoding: string | null }
  | { ok: false; bytes: Buffer; encoding: string; error: string }

/** Decodes a body according to Content-Encoding (gzip, deflate, br; stacked encodings too), capped. */
export function decodeBody(body: Buffer, contentEncoding: string | null, maxBytes = MAX_DECODED_BYTES): DecodeResult {
  if (!contentEncoding) return { ok: true, bytes: body, encoding: null }
  const codings = contentEncoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity')
  let bytes = body
  // Codings are listed in the order they were applied; undo them last to first.
  for (const coding of codings.reverse()) {
    try {
      bytes = decodeOne(bytes, coding, maxBytes)
    } catch (error) {
      return { ok: false, bytes: body, encoding: contentEncoding, error: describeDecodeError(error, coding, maxBytes) }
    }
  }
  return { ok: true, bytes, encoding: contentEncoding }
}

function decodeOne(bytes: Buffer, coding: string, maxOutputLength: number): Buffer {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(bytes, { maxOutputLength })
    case 'deflate':
      // Servers send both zlib-wrapped and raw deflate under this name.
      try {
        return inflateSync(bytes, { maxOutputLength })
      } catch (error) {
        if (error instanceof RangeError) throw error
        return inflateRawSync(bytes, { maxOutputLength })
      }
    case 'br':
      return brotliDecompressSync(bytes, { maxOutputLength })
    default:
      throw new Error(`unsupported content encoding "${coding}"`)
  }
}

function describeDecodeError(error: unknown, coding: string, maxBytes: number): string {
  if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
    return `The ${coding} body expands beyond ${Math.round(maxBytes / 1024 / 1024)} MiB; showing the raw bytes instead.`
  }
  const message = error instanceof Error ? error.message : String(error)
  return `The body says Content-Encoding: ${coding} but could not be decoded (${message}); showing the raw bytes.`
}

/** True when the bytes are valid UTF-8 without NUL/control noise, i.e. worth showing or indexing as text. */
export function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return false
    if (byte < 9 || (byte > 13 && byte < 32)) control++
  }
  if (control > sample.length / 100) return false
  // Cheap validity check on the sample only; the full body may be megabytes.
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(sample)
  const replacements = decoded.split('\uFFFD').length - 1
  return replacements <= 1 // a truncated multi-byte char at the sample end is fine
}
