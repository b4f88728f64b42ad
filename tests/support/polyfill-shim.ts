// Unit tests import `webextension-polyfill` through this shim: the in-memory fake browser of WXT.
import { fakeBrowser } from 'wxt/testing/fake-browser';

export default fakeBrowser;
