import { useState } from 'react'

/** Label + secret value; the value field is a password input and is cleared once submitted. */
/** What to paste, in the form the provider's dashboard shows it (ProviderInfo.secretFormat). */
const PLACEHOLDER: Record<string, string> = {
  'public-key': 'public key (base64, hex or PEM)',
  token: 'token, as configured',
  basic: 'user:password',
  whsec: 'secret, e.g. whsec_…'
}

export function SecretForm({
  onAdd,
  testId,
  secretFormat,
  hint
}: {
  onAdd: (label: string, value: string) => Promise<boolean>
  testId: string
  secretFormat?: string
  /** The provider's own words for what to paste (ProviderInfo.secretHint), over the format's. */
  hint?: string | null
}): React.JSX.Element {
  const [label, setLabel] = useState('')
  const [value, setValue] = useState('')
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (!value) return
    if (await onAdd(label.trim(), value)) {
      setLabel('')
      setValue('')
    }
  }
  return (
    <form className="ep-form" onSubmit={submit} data-testid={testId}>
      <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="label (e.g. current)" aria-label="Secret label" maxLength={60} />
      <input
        type="password"
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder={hint ?? PLACEHOLDER[secretFormat ?? ''] ?? 'secret, e.g. whsec_…'}
        title={hint ?? undefined}
        aria-label="Secret value"
        data-testid={`${testId}-value`}
      />
      <button type="submit" disabled={!value} data-testid={`${testId}-add`}>
        Add secret
      </button>
    </form>
  )
}
