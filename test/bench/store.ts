export async function storeBench(_args: string[]): Promise<boolean> {
  return true
}
