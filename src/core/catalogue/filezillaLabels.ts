// The FileZilla client's message-type labels in every language its catalogues
// ever wrote (filezilla-labels.json), indexed so a scan finds the label at a
// line's start with one map lookup and a few `startsWith` calls.

import labelData from './filezilla-labels.json';

/** What a FileZilla message line carries, named after the English label. */
export const enum MessageType {
  Status = 0,
  Error = 1,
  Command = 2,
  Response = 3,
  Trace = 4,
  Listing = 5,
}

const TYPE_BY_NAME: Readonly<Record<string, MessageType>> = {
  Status: MessageType.Status,
  Error: MessageType.Error,
  Command: MessageType.Command,
  Response: MessageType.Response,
  Trace: MessageType.Trace,
  Listing: MessageType.Listing,
};

export interface MessageLabel {
  /** The label exactly as the catalogue writes it (`Befehl:`, `Réponse\u00a0:`, `Odpowiedź`). */
  readonly text: string;
  readonly type: MessageType;
}

interface Catalogue {
  readonly labels: Readonly<Record<string, string>>;
}

interface LabelFile {
  readonly english: Readonly<Record<string, string>>;
  readonly current: readonly Catalogue[];
  readonly historic: readonly Catalogue[];
}

function collect(file: LabelFile): ReadonlyMap<string, MessageType> {
  const out = new Map<string, MessageType>();
  for (const labels of [file.english, ...file.current.map((c) => c.labels), ...file.historic.map((c) => c.labels)]) {
    for (const [name, text] of Object.entries(labels)) {
      const type = TYPE_BY_NAME[name];
      if (type === undefined) throw new Error(`filezilla-labels.json: unknown message type ${name}`);
      const known = out.get(text);
      // One string meaning two types would make a line's type depend on the language guessed.
      if (known !== undefined && known !== type) throw new Error(`filezilla-labels.json: "${text}" names two message types`);
      out.set(text, type);
    }
  }
  return out;
}

/** Every label of every catalogue (English included), mapped to its message type. */
export const MESSAGE_LABELS: ReadonlyMap<string, MessageType> = collect(labelData as LabelFile);

/**
 * Labels by their first UTF-16 unit, longest first: a label that is the start
 * of a longer one (`Lijst:` and `Lijst: `, `Commande` and `Commande :`) is
 * tried after it, so the line's own label wins.
 */
const BY_FIRST_UNIT: ReadonlyMap<number, readonly MessageLabel[]> = (() => {
  const out = new Map<number, MessageLabel[]>();
  for (const [text, type] of MESSAGE_LABELS) {
    const unit = text.charCodeAt(0);
    let list = out.get(unit);
    if (!list) out.set(unit, (list = []));
    list.push({ text, type });
  }
  for (const list of out.values()) list.sort((a, b) => b.text.length - a.text.length);
  return out;
})();

const NONE: readonly MessageLabel[] = [];

/** The labels that could start at `p` (by its first character), longest first; check each with `startsWith`. */
export function labelsStartingWith(line: string, p: number): readonly MessageLabel[] {
  return BY_FIRST_UNIT.get(line.charCodeAt(p)) ?? NONE;
}
