// The signature report every scheme attaches to its verdict, built one way: what was received, which
// headers were read, and an "invalid" verdict whose message leads the report's diagnostics.
import type { SignatureReport } from '../../../shared/types'
import type { VerifyResult } from './types'

export interface VerdictReporter {
  /** A report with nothing computed yet, overridden by `fields`. */
  report(fields?: Partial<SignatureReport>): SignatureReport
  /** An invalid verdict saying `message`, which also comes first among the report's diagnostics. */
  invalid(message: string, fields?: Partial<SignatureReport>): VerifyResult
}

export function verdictReporter(provider: string, headersUsed: string[], received: string | null): VerdictReporter {
  const report = (fields: Partial<SignatureReport> = {}): SignatureReport => ({
    provider,
    headersUsed,
    signedPayloadPreview: null,
    expected: null,
    received,
    matchedSecret: null,
    diagnostics: [],
    ...fields
  })
  return {
    report,
    invalid: (message, fields = {}) => ({
      verdict: { status: 'invalid', detail: message },
      report: report({ ...fields, diagnostics: [message, ...(fields.diagnostics ?? [])] })
    })
  }
}
