import type { OperationFixture } from '../operation-fixture';
import { chatCompletions } from './chat-completions';
import { completions } from './completions';
import { embeddings } from './embeddings';
import { fetchAudio } from './fetch-audio';
import { generateAudio } from './generate-audio';
import { imagesGenerations } from './images-generations';
import { klingFetch } from './kling-fetch';
import { klingGeneration } from './kling-generation';
import { lumaFetch } from './luma-fetch';
import { lumaGeneration } from './luma-generation';
import { messages } from './messages';
import { minimaxGenerate } from './minimax-generate';
import { minimaxUpload } from './minimax-upload';
import { minimaxVideoFetch } from './minimax-video-fetch';
import { minimaxVideoGeneration } from './minimax-video-generation';
import { runwayFetch } from './runway-fetch';
import { runwayGeneration } from './runway-generation';
import { stt } from './stt';
import { sunoClip } from './suno-clip';
import { tts } from './tts';

/** Every operation the mock API answers: one fixture each. */
export const OPERATIONS: readonly OperationFixture[] = [
  chatCompletions, completions, embeddings, imagesGenerations, messages, stt, tts,
  generateAudio, fetchAudio, minimaxGenerate, minimaxUpload, sunoClip,
  klingGeneration, klingFetch, lumaGeneration, lumaFetch, minimaxVideoGeneration, minimaxVideoFetch, runwayGeneration, runwayFetch,
];
