/**
 * Prints the login QR for the operator. No QR-drawing package is installed, so the raw string is
 * printed with what to do with it; the admin page (latestQr()) draws it properly.
 */
export function qrInstructions(qr: string): string {
  return [
    'WhatsApp: link this server as a device (WhatsApp on the phone → Linked devices → Link a device).',
    'Scan the QR on the admin page, or turn this string into a QR code with any QR tool:',
    '',
    qr,
    '',
    'The QR changes every ~20 seconds; the session is kept on disk once linked.',
  ].join('\n');
}
