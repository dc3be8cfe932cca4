/** 简体中文：实时会话中的角色（移交主持、联合主持人）。 */
export const roles = {
  roles: {
    facilitator: '主持人',
    coFacilitator: '联合主持人',
    options: '{{name}} 的选项',
    handOver: '移交主持',
    makeCo: '设为联合主持人',
    removeCo: '取消联合主持人',
    confirmTitle: '将主持移交给 {{name}}？',
    confirmMessage: '{{name}} 将主持本次会话：投票、计时器、演示、跟随我、邀请和结束会话。你将作为参与者留在会话中。',
    confirm: '移交',
    cancel: '取消',
    nowFacilitator: '你现在是主持人。',
    nowCoFacilitator: '你现在是联合主持人。',
    noLongerCoFacilitator: '你不再是联合主持人。',
    handedOver: '{{name}} 现在是主持人。你是参与者。',
    coAdded: '{{name}} 现在是联合主持人。',
    coRemoved: '{{name}} 不再是联合主持人。',
    refused: '无法更改角色：此人可能已经离开，或你已不再主持本次会话。',
  },
};
