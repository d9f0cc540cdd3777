import type { Reply } from '../../engine/reply.ts';
import type { ChannelName } from './channel-name.ts';

/** Delivery side for channels that pull their messages (the simulator): claim, mark sent, return. */
export interface OutboxReader {
  takeFor(channel: ChannelName, address: string): Promise<readonly Reply[]>;
}
