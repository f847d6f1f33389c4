/** VIGIL_ALIASES: admin alias files join the seed table at start-up, or vigil says which one is wrong. */
import { ConfigError, VigilError } from '../errors.js';
import { useExtraAliasFiles } from '../text/aliases.js';

export function useAliasFilesOrExplain(files: readonly string[]): void {
  try {
    useExtraAliasFiles(files);
  } catch (error) {
    if (!(error instanceof VigilError)) throw error;
    throw new ConfigError(`VIGIL_ALIASES: ${error.message}`, ['VIGIL_ALIASES']);
  }
}
