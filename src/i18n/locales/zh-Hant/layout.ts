/** 繁體中文：精簡頁首（投影、平板）與即時工作階段中的人。 */
export const layout = {
  people: {
    show: '顯示所有人的名字（{{n}}）',
    title: '本次工作階段中：{{n}} 人',
    more: '+{{n}}',
    close: '關閉名單',
  },
  slim: {
    more: '更多',
    moreTools: '更多工具',
    details: '旅程詳情',
    timer: '計時器',
  },
};
