// The README's provider table is generated from the registry; this fails when a preset changed and the
// table was not regenerated (npx tsx scripts/provider-table.ts).
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { README, withTable } from '../../scripts/provider-table'
import { PROVIDERS } from '../../src/main/engine/providers/registry'

test('README.md carries the provider table exactly as the registry generates it, one row per provider', () => {
  const readme = readFileSync(README, 'utf8')
  expect(readme).toBe(withTable(readme))
  for (const p of PROVIDERS) expect(readme).toContain(`(\`${p.id}\`)`)
})
