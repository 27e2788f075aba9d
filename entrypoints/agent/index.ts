import { startAgent } from '@/lib/agent/agent';

export default defineUnlistedScript(() => {
  startAgent();
});
