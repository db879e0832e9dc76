import { TransportError, type CloudClient, type Transport } from './transport'

/**
 * Default for type-checking and unit tests only: every build resolves ./cloud to
 * cloud.weapp.ts or cloud.h5.ts through Taro's platform suffixes.
 */
export function initCloud(): void {}

export const transport: Transport = async () => {
  throw new TransportError('network', 'no cloud client for this platform')
}

export const client = { initCloud, transport } satisfies CloudClient
