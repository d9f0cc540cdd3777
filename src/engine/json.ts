/** What a snapshot may hold: plain JSON, so it round-trips through jsonb unchanged. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
