import { startBackground } from '@/lib/extension/background/start';

export default defineBackground(() => {
  startBackground();
});
