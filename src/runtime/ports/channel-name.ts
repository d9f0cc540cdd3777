/** Every channel Payung speaks on: the `channel` of an InboundMessage and of a contact row. */
export const channelNames = ['simulator', 'telegram', 'whatsapp', 'whatsapp-cloud'] as const;

export type ChannelName = (typeof channelNames)[number];
