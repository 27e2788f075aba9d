import { startPanel } from '@/lib/panel/mount';
import '@/components/panel/panel.css';

void startPanel();
