import { startHost } from '@/lib/host/start';

export default defineUnlistedScript(() => {
  startHost();
});
