/** Messages of roles in a live session: handing facilitation over, co-facilitators. */
export const enRoles = {
  roles: {
    facilitator: 'Facilitator',
    coFacilitator: 'Co-facilitator',
    options: 'Options for {{name}}',
    handOver: 'Hand over facilitation',
    makeCo: 'Make co-facilitator',
    removeCo: 'Remove co-facilitator',
    confirmTitle: 'Hand over facilitation to {{name}}?',
    confirmMessage:
      '{{name}} will run the session: votes, the timer, Present, Follow me, Invite and the end. You stay in it as a participant.',
    confirm: 'Hand over',
    cancel: 'Cancel',
    nowFacilitator: 'You are now the facilitator.',
    nowCoFacilitator: 'You are now a co-facilitator.',
    noLongerCoFacilitator: 'You are no longer a co-facilitator.',
    handedOver: '{{name}} is now the facilitator. You are a participant.',
    coAdded: '{{name}} is now a co-facilitator.',
    coRemoved: '{{name}} is no longer a co-facilitator.',
    refused: 'The role could not be changed: the person may have left, or you no longer run the session.',
  },
};
