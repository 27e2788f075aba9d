import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')!).render(<div>填报助手</div>);
