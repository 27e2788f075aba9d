import { startPanel } from '@/lib/panel/mount';
import '@/components/panel/panel.css';
import './panel-page.css';

void startPanel();
