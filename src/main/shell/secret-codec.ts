// Desktop secrets at rest: sealed with Electron safeStorage (Keychain, DPAPI, or the Linux keyring).
// Without a Linux keyring Electron falls back to a fixed key ('basic_text'): the backend says so, and
// the Endpoints view tells the user plainly instead of pretending the secrets are protected.
import { safeStorage } from 'electron'
import type { SecretCodec } from '../engine/signatures/vault'

export function safeStorageCodec(dbPath: string): SecretCodec {
  const backend =
    process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text' ? 'basic_text' : 'safeStorage'
  return {
    backend,
    file: `${dbPath}.secrets.enc`,
    seal: (json) => safeStorage.encryptString(json),
    open: (data) => safeStorage.decryptString(data)
  }
}
