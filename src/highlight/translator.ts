// Oniguruma → JavaScript pattern translation, a chunk of its own: the build translates every
// pattern it can see, so a page needs this only for the few built from matched text and the
// few that need emulation.
export { defaultJavaScriptRegexConstructor } from '@shikijs/engine-javascript';
export { EmulatedRegExp } from 'oniguruma-to-es';
