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
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(E2E ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: '__MSG_actionTitle__' },
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
