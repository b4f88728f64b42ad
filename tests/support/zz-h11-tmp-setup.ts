import { fakeBrowser } from 'wxt/testing/fake-browser';
(fakeBrowser.runtime.onConnect as unknown as { addListener: () => void }).addListener = () => {};
