import { defineConfig } from 'wxt';

// The e2e flavour (`TIANBAO_E2E=1 wxt build`, npm run build:e2e) pre-grants http://127.0.0.1 so that the end-to-end suite can
// exercise the enabled-site flow: permissions.request() needs a user to click "Allow" in a browser
// prompt, which a headless browser cannot show. Every other build ships with no host permission at all.
const E2E = process.env.TIANBAO_E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Overridable so that two builds can run side by side without writing over each other.
  outDir: process.env.TIANBAO_OUT_DIR ?? '.output',
  // The e2e flavour is a production build in every other respect, written to its own folder.
  ...(E2E ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-e2e' } : {}),
  // Lets code keep e2e-only hooks (lib/storage/e2eHook.ts) out of every other build: false there, so removed.
  vite: () => ({ define: { 'import.meta.env.TIANBAO_E2E': JSON.stringify(E2E) } }),
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(E2E ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Drawn by tests/scripts/icons.mjs: the 16 and 32 px icons on a whole-pixel grid so they stay sharp.
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: {
      default_title: '__MSG_actionTitle__',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' },
    },
    // The panel page is framed by the portal page (lib/host), so it must be web-accessible. Not with
    // use_dynamic_url: Chromium then hands content scripts a per-session address while the frame's document
    // still has the id-based origin, and the channel's postMessage, addressed to that exact origin, is dropped.
    // A page that frames panel.html itself gets only a notice: the panel connects only with the secret its own
    // host put in the frame's address (lib/protocol.ts).
    web_accessible_resources: [{ resources: ['panel.html'], matches: ['http://*/*', 'https://*/*'] }],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tianbao@tianbao.local',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
