// Every test file sees the platforms this build ships, as the composition root registers them.
import { registerBuiltInPlatforms } from '../../adapters/cli/platforms.js';

registerBuiltInPlatforms();
