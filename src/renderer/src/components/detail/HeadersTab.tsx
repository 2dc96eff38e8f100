import type { DetailTabProps } from './tabs'

export function HeadersTab({ request }: DetailTabProps): React.JSX.Element {
  return (
    <table className="headers" data-testid="headers-view">
      <tbody>
        {request.headers.map(([name, value], i) => (
          <tr key={i}>
            <td className="header-name">{name}</td>
            <td className="header-value">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
