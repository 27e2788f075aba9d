import { mountPanel } from '@/lib/panel/mount';

export default defineUnlistedScript(() => {
  void mountPanel();
});
