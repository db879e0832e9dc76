/** The fixed reference work's time in ms (fastest of 5 rounds): larger means a slower host. */
export function referenceWorkMs(): number
