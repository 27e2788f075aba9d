import { defineConfig } from 'wxt';

// The e2e flavour (`TIANBAO_E2E=1 wxt build`, npm run build:e2e) pre-grants http://127.0.0.1 so that the end-to-end suite can
// exercise the enabled-site flow: permissions.request() needs a user to click "Allow" in a browser
// prompt, which a headless browser cannot show. Every other build ships with no host permission at all.
const E2E = process.env.TIANBAO_E2E === '1';

// ---- enterprise build (issue 15) ----
// `TIANBAO_ENTERPRISE=1 wxt build` (npm run build:enterprise): the same extension with a fixed manifest `key`, so
// that its id is the same on every desktop — mihpbddbhldcaokhoaeblbhjhfpcdnpd — and a unit's policy can name it
// (3rdparty → extensions → id; see README 单位统一配置). The key is the PUBLIC half of an RSA key pair (base64
// DER SubjectPublicKeyInfo, as Chromium requires); loading the unpacked build needs nothing else. Every build
// declares the managed-storage schema (generated: tests/scripts/managed-docs.ts): Chromium delivers a policy only
// to an extension with one, and a normal build can receive policy too when the policy names its id.
const ENTERPRISE = process.env.TIANBAO_ENTERPRISE === '1';
const ENTERPRISE_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvKnjaLbaAu/hvx2iWjF+ZcH8zGpIDj+oFPS+sfiWu85Y3sqsGoxmQIrPmvQ1pH2cFCPQOkft8cyiierSwKbL6uDI1WLWw/Gxs/21y4j7a8KyVrZWiy4fLd7t5fhoMiCFaoNMb6O9beDUBfGTdVYOnLe1ri3h9CL1b8A2sxe+pYSLM5xboKaqkuDQbnASVyFvTQJD1kMcfEiKGJzEY6pym/prlqUIm/tQ9PWzdlgQi+VNm0ll1eLU4H6cH5ph0JOtFzEkLmaStYb2cLuX4c8QpibNRFU15mwlkyXA/vu0rbAV/dWT5ZE70MiZjhfD7O2beyHwQO8hXrHeixrq+LQWVwIDAQAB';
const flavour = [ENTERPRISE ? '-enterprise' : '', E2E ? '-e2e' : ''].join('');
// ---- end enterprise build ----

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Overridable so that two builds can run side by side without writing over each other.
  outDir: process.env.TIANBAO_OUT_DIR ?? '.output',
  // The e2e flavour is a production build in every other respect, written to its own folder.
  ...(flavour ? { outDirTemplate: `{{browser}}-mv{{manifestVersion}}${flavour}` } : {}),
  // The enterprise zip beside the normal one, not over it.
  ...(ENTERPRISE ? { zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}-enterprise.zip' } } : {}),
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
    // 单位统一配置 (lib/storage/managed.ts): Chromium's managed storage needs the schema; Firefox reads policy without one.
    ...(browser !== 'firefox' ? { storage: { managed_schema: 'managed-schema.json' } } : {}),
    ...(ENTERPRISE && browser !== 'firefox' ? { key: ENTERPRISE_KEY } : {}),
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
      // The next problem in 检查, shown in the page (entrypoints/background: commands.onCommand).
      'next-problem': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextProblem__',
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
