export async function uiBench(_args: string[]): Promise<boolean> {
  return true
}
