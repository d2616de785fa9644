// The FileZilla client's message-type labels in every language its catalogues
// ever wrote (filezilla-labels.json), in a trie so a scan finds the labels at
// a line's start in one walk along it.

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

/** A trie of the labels by UTF-16 unit: a line's labels are found in one walk along it, not one `startsWith` per label. */
interface LabelNode {
  readonly next: Map<number, LabelNode>;
  label: MessageLabel | undefined;
}

const ROOT: LabelNode = (() => {
  const root: LabelNode = { next: new Map(), label: undefined };
  for (const [text, type] of MESSAGE_LABELS) {
    let node = root;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map(), label: undefined }));
      node = child;
    }
    node.label = { text, type };
  }
  return root;
})();

/** The labels the last `labelsAt` call found, shortest first; reused by every call (a scan asks on every line). */
export const foundLabels: MessageLabel[] = [];

/**
 * How many labels `line` starts with at `p`, in `foundLabels[0 … n)`,
 * shortest first: a label that is the start of a longer one (`Lijst:` and
 * `Lijst: `, `Commande` and `Commande :`) is tried after it, from the last
 * entry down, so the line's own label wins.
 */
export function labelsAt(line: string, p: number): number {
  let n = 0;
  let node: LabelNode | undefined = ROOT;
  for (let i = p; i < line.length; i++) {
    node = node.next.get(line.charCodeAt(i));
    if (node === undefined) break;
    if (node.label !== undefined) foundLabels[n++] = node.label;
  }
  return n;
}
