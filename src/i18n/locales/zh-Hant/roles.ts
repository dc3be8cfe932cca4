/** 繁體中文：即時工作階段中的角色（移交主持、共同主持人）。 */
export const roles = {
  roles: {
    facilitator: '主持人',
    coFacilitator: '共同主持人',
    options: '{{name}} 的選項',
    handOver: '移交主持',
    makeCo: '設為共同主持人',
    removeCo: '取消共同主持人',
    confirmTitle: '將主持移交給 {{name}}？',
    confirmMessage: '{{name}} 將主持本次工作階段：投票、計時器、簡報、跟隨我、邀請和結束。你會以參與者身分留在其中。',
    confirm: '移交',
    cancel: '取消',
    nowFacilitator: '你現在是主持人。',
    nowCoFacilitator: '你現在是共同主持人。',
    noLongerCoFacilitator: '你不再是共同主持人。',
    handedOver: '{{name}} 現在是主持人。你是參與者。',
    coAdded: '{{name}} 現在是共同主持人。',
    coRemoved: '{{name}} 不再是共同主持人。',
    refused: '無法變更角色：此人可能已離開，或你已不再主持本次工作階段。',
  },
};
