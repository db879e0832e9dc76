/** The local (h5) build has no camera scanner: the organiser pastes the code's text instead. */
export const canScan = false
export async function scanCode(): Promise<string> {
  throw new Error('no scanner in the browser')
}
