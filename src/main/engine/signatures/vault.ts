// Secrets at rest. The vault keeps them in one sealed document; how it is sealed is the codec's job:
// a 0600 file for the CLI, Electron safeStorage for the desktop app (src/main/shell/secret-codec.ts).
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { SecretBackend } from '../../../shared/api/signatures'

export interface StoredSecret {
  id: string
  /** 'endpoint:<id>' or 'provider:<provider id>'. */
  scope: string
  label: string
  value: string
  createdAt: number
}

/** How the secrets document is turned into bytes on disk and back. */
export interface SecretCodec {
  readonly backend: SecretBackend
  readonly file: string
  seal(json: string): Buffer
  open(data: Buffer): string
}

/** CLI codec: plain JSON in a file only its owner can read (mode 0600), beside the database. */
export function fileCodec(dbPath: string): SecretCodec {
  return {
    backend: 'file',
    file: `${dbPath}.secrets.json`,
    seal: (json) => Buffer.from(json),
    open: (data) => data.toString('utf8')
  }
}

export class SecretVault {
  private secrets: StoredSecret[] = []
  /** Why the stored secrets could not be read (corrupt file, keyring gone); null when fine. */
  readonly loadError: string | null = null

  constructor(readonly codec: SecretCodec) {
    if (!existsSync(codec.file)) return
    try {
      const parsed = JSON.parse(codec.open(readFileSync(codec.file))) as { secrets?: StoredSecret[] }
      this.secrets = Array.isArray(parsed.secrets) ? parsed.secrets.filter(isSecret) : []
    } catch (error) {
      // Never overwrite what we could not read: move it aside so the user can recover it.
      const aside = `${codec.file}.unreadable-${Date.now()}`
      try {
        renameSync(codec.file, aside)
      } catch {
        /* keep going without secrets */
      }
      this.loadError = `Stored secrets could not be read (${(error as Error).name}); the file was moved to ${aside}.`
    }
  }

  list(scope?: string): StoredSecret[] {
    return scope === undefined ? [...this.secrets] : this.secrets.filter((s) => s.scope === scope)
  }

  add(scope: string, label: string, value: string): StoredSecret {
    const secret: StoredSecret = { id: randomUUID(), scope, label, value, createdAt: Date.now() }
    this.secrets.push(secret)
    this.save()
    return secret
  }

  remove(id: string): StoredSecret | null {
    const found = this.secrets.find((s) => s.id === id) ?? null
    if (!found) return null
    this.secrets = this.secrets.filter((s) => s.id !== id)
    this.save()
    return found
  }

  removeScope(scope: string): void {
    const before = this.secrets.length
    this.secrets = this.secrets.filter((s) => s.scope !== scope)
    if (this.secrets.length !== before) this.save()
  }

  private save(): void {
    const file = this.codec.file
    mkdirSync(dirname(file), { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, this.codec.seal(JSON.stringify({ version: 1, secrets: this.secrets })), { mode: 0o600 })
    chmodSync(tmp, 0o600)
    renameSync(tmp, file)
  }
}

function isSecret(v: unknown): v is StoredSecret {
  const s = v as StoredSecret
  return !!s && typeof s.id === 'string' && typeof s.scope === 'string' && typeof s.value === 'string' && typeof s.label === 'string'
}
