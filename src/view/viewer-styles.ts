import tokenCss from 'virtual:token-styles';
import baseCss from './viewer.css?inline';

/** The stylesheet of every viewer's shadow root: its layout, and the token colour classes the build made. */
export const viewerCss = `${baseCss}\n${tokenCss}`;
