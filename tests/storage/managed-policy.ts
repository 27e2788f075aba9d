// A complete 单位统一配置 policy value, shared by the unit tests and the end-to-end test of managed storage.

export const UNIT_NAME = '某某区委宣传部';

/** The policy value for the extension's id, every part used once; `origin` is the portal it recommends. */
export function unitPolicy(origin: string, overrides: { entryRight?: string; unitName?: string } = {}) {
  return {
    version: 1,
    config: {
      unitName: overrides.unitName ?? UNIT_NAME,
      templates: [
        {
          id: 'qu-yishixingtai',
          name: '区委宣传部意识形态报告模板',
          reportKinds: ['意识形态工作责任制落实情况报告'],
          sections: [
            {
              id: 'zeren-luoshi',
              title: '责任落实情况',
              required: true,
              topics: [{ id: 'zhuti-zeren', title: '主体责任', keywords: ['主体责任'] }],
              scaffold: '一、责任落实情况\n{{主要做法}}',
            },
            { id: 'wenti', title: '存在的问题', synonyms: ['问题与不足'], required: true, scaffold: '二、存在的问题\n{{问题}}' },
          ],
        },
      ],
      entries: [{ wrong: '区网信办', right: overrides.entryRight ?? '区委网信办', note: '本单位规范写法' }],
      disabledRules: ['ellipsis'],
      snippets: [
        {
          id: 'tongyi-kaitou',
          title: '统一开头语',
          body: '{{单位名称}}认真落实意识形态工作责任制，现将有关情况报告如下。',
          folder: '区委宣传部片段包',
          tags: ['开头'],
        },
      ],
      sites: [{ origin, template: 'qu-yishixingtai' }],
      locks: { submitGuard: true, draftRetentionDays: 90, requiredRules: ['user-entries', 'repeated-word'] },
    },
  };
}
