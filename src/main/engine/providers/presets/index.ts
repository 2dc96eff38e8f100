// Every preset, by category. Adding a provider: one entry in the file of its category; the generated
// vector test (test/unit/preset-vectors.test.ts) and the README table pick it up from the registry.
import { DEVTOOLS_PRESETS } from './devtools'
import { MESSAGING_PRESETS } from './messaging'
import { PAYMENT_PRESETS } from './payments'
import { VOICE_PRESETS } from './voice'

export const PRESETS = [...VOICE_PRESETS, ...MESSAGING_PRESETS, ...PAYMENT_PRESETS, ...DEVTOOLS_PRESETS] as const
