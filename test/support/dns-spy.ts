import dns from 'dns';

/**
 * Records every host name looked up through dns.lookup (what node:net, http(s) and ws use to connect) while it is
 * installed; the lookups still happen. restore() puts the original back.
 */
export class DnsSpy {
  readonly hosts: string[] = [];
  private readonly original = dns.lookup;

  constructor() {
    const hosts = this.hosts;
    const original = this.original;
    (dns as { lookup: unknown }).lookup = function lookup(this: unknown, hostname: string, ...rest: unknown[]) {
      hosts.push(hostname);
      return (original as (...args: unknown[]) => unknown).call(this, hostname, ...rest);
    };
  }

  looked(host: string): boolean {
    return this.hosts.includes(host);
  }

  restore(): void {
    (dns as { lookup: unknown }).lookup = this.original;
  }
}
