// A saved webmail page as a DOM, for the read-page CLI and the fixture tests (Node only: it uses happy-dom).
// The page's scripts never run: JavaScript evaluation, script/CSS/iframe loading and navigation are all off.
import { Window } from 'happy-dom';

export const SAFE_WINDOW_SETTINGS = {
  disableJavaScriptEvaluation: true,
  enableJavaScriptEvaluation: false,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  enableCSSFileLoading: false,
  enableImageFileLoading: false,
  disableIframePageLoading: true,
  enableIframePageLoading: false,
  disableComputedStyleRendering: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: {
    disableMainFrameNavigation: true,
    disableChildFrameNavigation: true,
    disableChildPageNavigation: true,
    disableFallbackToSetURL: true,
  },
} as const;

export interface SavedPage {
  document: Document;
  close(): Promise<void>;
}

/** Parses `html` in a scriptless window. `url` stays about:blank unless given, so adapters go by DOM shape. */
export function parseSavedPage(html: string, url = 'about:blank'): SavedPage {
  const window = new Window({ url, settings: SAFE_WINDOW_SETTINGS });
  window.document.write(html);
  return {
    document: window.document as unknown as Document,
    close: () => window.happyDOM.close(),
  };
}
