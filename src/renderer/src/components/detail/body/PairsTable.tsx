import type { Header } from '../../../../../shared/types'

/** Ordered name/value pairs (form fields, query parameters, headers); duplicates stay visible. */
export function PairsTable({
  pairs,
  testId,
  nameLabel = 'Name',
  duplicates
}: {
  pairs: Header[]
  testId: string
  nameLabel?: string
  duplicates?: Set<string>
}): React.JSX.Element {
  return (
    <table className="pairs" data-testid={testId}>
      <thead>
        <tr>
          <th className="pair-index">#</th>
          <th>{nameLabel}</th>
          <th>Value</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map(([name, value], i) => {
          const dup = duplicates?.has(name.toLowerCase()) ?? false
          return (
            <tr key={i} className={dup ? 'dup' : undefined} data-testid="pair-row">
              <td className="pair-index">{i + 1}</td>
              <td className="pair-name">
                <span className="header-name">{name}</span>
                {dup && (
                  <span className="dup-tag" title="This name occurs more than once">
                    dup
                  </span>
                )}
              </td>
              <td className="header-value">{value === '' ? <span className="muted">(empty)</span> : value}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
