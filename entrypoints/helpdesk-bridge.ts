import { installEditorBridge } from '@/lib/webmail/editor-bridge-page';

// Runs in the helpdesk page's own world (registered with world: 'MAIN' beside the helpdesk content script).
export default defineUnlistedScript(() => {
  installEditorBridge(window);
});
