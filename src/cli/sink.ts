// Buffered output that keeps pace with its reader: lines are gathered and
// written in blocks; a full pipe is waited for, so a slow reader never makes
// the output pile up in memory. A reader that went away (`| head`) ends the
// run quietly.

/** Characters gathered before a block is written. */
const BLOCK_CHARS = 64 * 1024;

export interface Writable {
  write(text: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

export class Sink {
  private parts: string[] = [];
  private chars = 0;
  private waiting: Promise<void> | undefined;

  constructor(private readonly target: Writable) {}

  /** Adds `text` (its own line end included). */
  write(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= BLOCK_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const block = this.parts.join('');
    this.parts = [];
    this.chars = 0;
    if (!this.target.write(block) && !this.waiting) {
      this.waiting = new Promise((resolve) => this.target.once('drain', () => {
        this.waiting = undefined;
        resolve();
      }));
    }
  }

  /** Resolves once the reader has taken what was written (call between chunks of input). */
  async drained(): Promise<void> {
    if (this.waiting) await this.waiting;
  }
}
