// Every preset, by category. Adding a provider: one entry in the file of its category (and it gets
// test vectors from test/unit/preset-vectors.test.ts automatically).
import { MESSAGING_PRESETS } from './messaging'
import { VOICE_PRESETS } from './voice'

export const PRESETS = [...VOICE_PRESETS, ...MESSAGING_PRESETS] as const
