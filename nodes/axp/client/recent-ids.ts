/** The last N event ids seen, to drop what a reconnect delivers a second time; memory stays bounded. */
export class RecentIds {
  private readonly ids = new Set<string>();
  private readonly order: string[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  /** Remembers the id; false when it was already remembered. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    if (this.order.length < this.capacity) {
      this.order.push(id);
    } else {
      this.ids.delete(this.order[this.next]);
      this.order[this.next] = id;
      this.next = (this.next + 1) % this.capacity;
    }
    this.ids.add(id);
    return true;
  }
}
