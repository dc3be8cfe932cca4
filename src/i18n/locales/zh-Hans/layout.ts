/** 简体中文：精简页头（投影、平板）与实时会话中的人。 */
export const layout = {
  people: {
    show: '显示所有人的名字（{{n}}）',
    title: '本次会话中：{{n}} 人',
    more: '+{{n}}',
    close: '关闭名单',
  },
  slim: {
    more: '更多',
    moreTools: '更多工具',
    details: '旅程详情',
    timer: '计时器',
  },
};
