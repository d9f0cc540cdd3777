import QRCode from 'qrcode';

/**
 * The login QR for the operator, drawn in the terminal (the `qrcode` package renders the same
 * QR WhatsApp expects; drawing it ourselves would mean writing a QR encoder). The admin page
 * draws it as SVG from latestQr().
 */
export async function qrInstructions(qr: string): Promise<string> {
  const drawing = await QRCode.toString(qr, { type: 'terminal', small: true });
  return [
    'WhatsApp: link this server as a device (WhatsApp on the phone → Linked devices → Link a device)',
    'and scan this QR (or the one at /admin/whatsapp/qr):',
    drawing,
    'The QR changes every ~20 seconds; the session is kept on disk once linked.',
  ].join('\n');
}

/** The QR as an SVG image for the admin page. */
export function qrSvg(qr: string): Promise<string> {
  return QRCode.toString(qr, { type: 'svg', margin: 2, width: 280 });
}
