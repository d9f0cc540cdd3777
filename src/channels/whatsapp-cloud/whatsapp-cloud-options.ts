/** What the Cloud API channel needs; parsing it from the environment is the config module's job. */
export interface WhatsAppCloudOptions {
  /** A system user's permanent access token (Bearer) for the Graph API. */
  readonly accessToken: string;
  /** The Meta app's secret: webhook bodies are signed with it (X-Hub-Signature-256). */
  readonly appSecret: string;
  /** The token typed into the app dashboard when subscribing the webhook. */
  readonly verifyToken: string;
  /** The business phone number's id (not the number itself). */
  readonly phoneNumberId: string;
  /** Default https://graph.facebook.com; tests point it at a fake. */
  readonly graphBaseUrl?: string;
  /** Default v21.0. */
  readonly graphVersion?: string;
}

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_VERSION = 'v21.0';
