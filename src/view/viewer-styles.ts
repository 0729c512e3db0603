import tokenCss from 'virtual:token-styles';
import { LANGUAGES } from '../core/languages.ts';
import baseCss from './viewer.css?inline';
import { staticTabsCss } from './viewer-tree.ts';

/**
 * The stylesheet of every viewer's shadow root: its layout, the token colour classes the
 * build made, and the tabs of viewers rendered ahead of time.
 */
export const viewerCss = `${baseCss}\n${tokenCss}\n${staticTabsCss(Object.keys(LANGUAGES))}`;
