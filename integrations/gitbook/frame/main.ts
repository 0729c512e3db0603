// The frame page's inline script (built by scripts/build-integration.ts).
import { startFrame } from './start-frame.ts';

startFrame(window);
