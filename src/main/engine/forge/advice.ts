// One sentence per way a check can fail, naming the fix. Kept apart from the judging so the wording
// can be reviewed in one place.
import type { ForgeCheckId } from '../../../shared/api/forge'

/** accepted: 2xx where a 4xx was due; rejected: 4xx where a 2xx was due; crashed: 5xx; slow; unobserved. */
export type FailureMode = 'accepted' | 'rejected' | 'crashed' | 'redirected' | 'slow' | 'unobserved'

export interface AdviceContext {
  provider: string
  header: string
  timestampHeader: string
  toleranceSec: number
  limit: string
  methods: string
  /** How the provider encodes its digest; decides what a crash on a garbage signature means. */
  encoding: 'hex' | 'base64' | 'base64url' | null
}

type Sentences = Partial<Record<FailureMode, (c: AdviceContext) => string>>

const throwsOnMalformed = (c: AdviceContext): string =>
  `Check the signature's length before crypto.timingSafeEqual (it throws when lengths differ) and answer 401, because a 500 makes ${c.provider} keep retrying.`
/** For signatures of the right length and format: the crash is not timingSafeEqual's length check. */
const throwsOnMismatch = (what: string) => (c: AdviceContext): string =>
  `Your handler throws on ${what}: when the signature does not match, answer 401 instead of throwing, because a 500 makes ${c.provider} keep retrying.`
/** A same-length garbage hex string decodes to fewer bytes (Buffer.from stops at the first bad character). */
const throwsOnGarbage = (c: AdviceContext): string =>
  c.encoding === 'hex'
    ? `The signature had the right length but was not hex, so Buffer.from(signature, 'hex') gave fewer bytes and crypto.timingSafeEqual threw: compare lengths after decoding (or compare the hex strings) and answer 401.`
    : throwsOnMismatch('a signature that does not match')(c)
const acceptsBadSignature =
  (what: string) =>
  (c: AdviceContext): string =>
    `Your handler accepts ${what}: compute the HMAC of the raw body with your secret and answer 401 whenever it differs from ${c.header}.`

export const ADVICE: Record<ForgeCheckId, Sentences> = {
  'valid-delivery': {
    rejected: (c) => `Your handler rejects a correctly signed delivery: verify the HMAC over the raw request bytes with the exact secret from the ${c.provider} dashboard.`,
    crashed: (c) => `Your handler fails on a valid delivery: read its log for the exception, since ${c.provider} retries every 5xx.`
  },
  'same-event-again': {
    rejected: (c) => `Answer 2xx to an event id you have already processed (skip the work, keep the 2xx), or ${c.provider} keeps retrying it.`,
    crashed: () => `A repeated event id makes the handler fail (often a unique-key violation): catch the duplicate and answer 2xx.`
  },
  'missing-signature': {
    accepted: (c) => `Your handler processes unsigned requests: answer 401 when the ${c.header} header is missing.`,
    crashed: (c) => `Check that ${c.header} is present before comparing and answer 401 instead of throwing a 500.`
  },
  'wrong-secret': {
    accepted: acceptsBadSignature('a signature made with another secret'),
    crashed: throwsOnMismatch('a well-formed signature made with another secret')
  },
  'tampered-body': {
    accepted: () => `Your handler accepts a body changed after signing: verify the signature over the raw body bytes before using them.`,
    crashed: () => `A tampered body makes the handler throw: verify the signature first and answer 401 before parsing or processing.`
  },
  'signature-garbage': {
    accepted: acceptsBadSignature('a meaningless signature'),
    crashed: throwsOnGarbage
  },
  'signature-wrong-length': {
    accepted: acceptsBadSignature('a truncated signature'),
    crashed: throwsOnMalformed
  },
  'reformatted-json': {
    rejected: () => `Your handler verifies re-serialized JSON (JSON.stringify(req.body)) instead of the bytes received: verify the raw body (express.raw() or the request stream), then parse.`,
    crashed: () => `Differently formatted JSON makes the handler throw: verify the raw body bytes and parse with JSON.parse only after that.`
  },
  'stale-timestamp': {
    accepted: (c) => `Reject deliveries whose ${c.timestampHeader} is more than ${c.toleranceSec} s old, so a captured delivery cannot be replayed later.`,
    crashed: (c) => `An old ${c.timestampHeader} makes the handler throw: answer 401 instead.`
  },
  'future-timestamp': {
    accepted: (c) => `Reject timestamps more than ${c.toleranceSec} s in the future as well: compare the absolute difference with your clock.`,
    crashed: (c) => `A future ${c.timestampHeader} makes the handler throw: answer 401 instead.`
  },
  'answer-time': {
    slow: (c) => `Answer within ${c.limit}: acknowledge with 2xx first and do the slow work in a queue, or ${c.provider} counts a timeout and retries.`
  },
  methods: {
    rejected: (c) => `${c.provider} sends ${c.methods}: route every one of these methods to your handler.`,
    crashed: (c) => `Your handler throws on some of the methods ${c.provider} uses (${c.methods}): handle a missing or empty body.`
  },
  'content-type-variant': {
    rejected: () => `Match the Content-Type by media type, not the whole string: a "; charset=utf-8" parameter is legitimate.`,
    crashed: () => `A Content-Type with a charset parameter makes the handler throw: parse the media type before comparing.`
  },
  'retry-burst': {
    rejected: (c) => `Answer every retry of the same event with 2xx (dedupe by event id) so ${c.provider} stops retrying.`,
    crashed: (c) => `Concurrent retries of one event make the handler fail: dedupe by event id atomically (unique key, insert-if-absent) and answer 2xx, or ${c.provider} retries again.`,
    unobserved: () => `Every retry got 2xx, but nothing in the answers shows the handler recognised the repeats: process each event id once (store the ids you handled) and say "duplicate" in the answer.`
  },
  'out-of-order': {
    rejected: () => `Answer 2xx to events that arrive out of order and reconcile later; a 4xx drops the event for good.`,
    crashed: (c) => `An end event for a call you have not seen yet must not throw: create the record or park the event, since ${c.provider} retries every 5xx.`
  },
  'after-gap': {
    rejected: () => `A freshly signed delivery after an idle period is rejected: look for cached timestamps or secrets that go stale.`,
    crashed: () => `Your handler fails after an idle period: look for closed database connections or keep-alive sockets it does not reopen.`
  }
}

export function adviceFor(id: ForgeCheckId, mode: FailureMode, c: AdviceContext): string {
  const sentence = ADVICE[id][mode] ?? ADVICE[id].crashed ?? ADVICE[id].rejected ?? ADVICE[id].accepted
  return sentence ? sentence(c) : 'Compare the answer with what a correct handler gives.'
}
