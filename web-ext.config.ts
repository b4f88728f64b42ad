import { defineWebExtConfig } from 'wxt';

// `npm run dev` builds and watches; the browser is started by scripts/demo.mjs instead.
export default defineWebExtConfig({ disabled: true });
