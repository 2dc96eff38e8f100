/** Marks a captured request that arrived through the public tunnel (decided by socket, not by header). */
export function TunnelTag({ via }: { via: boolean }): React.JSX.Element | null {
  if (!via) return null
  return (
    <span className="tunnel-tag" data-testid="via-tunnel" title="Arrived through the public tunnel">
      tunnel
    </span>
  )
}
