// A decoded PORT/PASV/EPRT/EPSV/LPRT/LPSV payload as CommonMark.

import { PayloadExplanation, PayloadKind, describeAddressClass, explainPayload } from '../features/payload';
import { markdownText, ONE_LINE } from './shownText';
import { shortSource } from './sources';

const escapeMarkdown = (text: string): string => markdownText(text, ONE_LINE);

const TITLES: Record<PayloadKind, string> = {
  PORT: 'PORT argument',
  EPRT: 'EPRT argument',
  LPRT: 'LPRT argument',
  PASV: 'PASV reply (227)',
  EPSV: 'EPSV reply (229)',
  LPSV: 'LPSV reply (228)',
};

/** Markdown for `text` decoded as `kind`; `undefined` when it holds no valid payload. */
export function payloadMarkdown(kind: PayloadKind, text: string): string | undefined {
  const model = explainPayload(kind, text);
  return model ? renderPayload(model) : undefined;
}

export function renderPayload(model: PayloadExplanation): string {
  const lines: string[] = [];
  // Addresses and ports came out of the document: the decoders only return
  // digits, dots, colons and hex letters, but they are escaped all the same.
  const summary = model.address === undefined ? model.summary : model.summary.split(model.address).join(escapeMarkdown(model.address));
  lines.push(`**${TITLES[model.kind]}** — ${summary}`);
  lines.push('');
  if (model.address !== undefined) {
    lines.push(`- Address: ${escapeMarkdown(model.address)}`);
  }
  lines.push(`- Port: ${model.port}`);
  if (model.addressClass !== undefined) {
    lines.push(`- Address class: ${describeAddressClass(model.addressClass)}`);
  }
  if (model.warning !== undefined) {
    lines.push('');
    const warning = model.address === undefined ? model.warning : model.warning.split(model.address).join(escapeMarkdown(model.address));
    lines.push(`**Warning:** ${warning}`);
  }
  lines.push('');
  // Short citations keep the hover to one screen.
  lines.push(`Sources: ${model.sources.map(shortSource).join('; ')}`);
  return lines.join('\n');
}
