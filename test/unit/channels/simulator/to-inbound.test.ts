import { describe, expect, it } from 'vitest';
import { simToInbound } from '../../../../src/channels/simulator/to-inbound.ts';

const AT = new Date('2025-08-17T03:00:00Z');

describe('simToInbound', () => {
  it('turns a text message into a simulator InboundMessage with the client id as external id', () => {
    expect(simToInbound({ contact: 'budi', id: 'm-01', text: 'halo' }, AT)).toEqual({
      channel: 'simulator', externalId: 'm-01', from: 'budi', text: 'halo', kind: 'text', receivedAt: AT,
    });
  });

  it('keeps a non-text kind and leaves text out when none was sent', () => {
    expect(simToInbound({ contact: 'budi', id: 'm-02', kind: 'sticker' }, AT)).toEqual({
      channel: 'simulator', externalId: 'm-02', from: 'budi', kind: 'sticker', receivedAt: AT,
    });
  });
});
