/** Shapes every body the simulator writes: id and timestamp, and the wire-format quirk switches (digest §9.3). */
import { Ids } from './ids';
import { AttributesShape, ReasonCodeAs, TimestampAs } from './options';

export type Body = Record<string, unknown>;

export interface WireFormat {
  timestampAs: TimestampAs;
  reasonCodeAs: ReasonCodeAs;
  attributesShape: AttributesShape;
  includeUnknownFields: boolean;
}

export interface RoutingAttribute {
  category: string;
  values: string[];
}

/** Not in the AsyncAPI document: a client must keep it and carry on. */
export const UNKNOWN_FIELD = 'xSimulatorField';
export const UNKNOWN_FIELD_VALUE = 'not in the AsyncAPI document';

export class BodyFactory {
  constructor(readonly ids: Ids, private readonly now: () => number, private readonly format: WireFormat) {}

  /** Fields in the order of the vendor's examples: event, the fields, then id and timestamp. */
  event(event: string, fields: Body): Body {
    return this.extra({ event, ...fields, id: this.ids.uuid(), timestamp: this.timestamp() });
  }

  /** SingleStepTransfer is the one event keyed by its request's correlationId instead of an id. */
  withoutId(event: string, fields: Body): Body {
    return this.extra({ event, ...fields, timestamp: this.timestamp() });
  }

  /** Epoch milliseconds; a string per the schema (`format: long`) or a number like the generated examples. */
  timestamp(): string | number {
    const ms = this.now();
    return this.format.timestampAs === 'number' ? ms : String(ms);
  }

  reasonCode(code: number): string | number {
    return this.format.reasonCodeAs === 'number' ? code : String(code);
  }

  /** EngagementPrerouted / OfferedService `attributes`: an array of {category, values}, or the examples' single object. */
  attributes(list: RoutingAttribute[]): unknown {
    return this.format.attributesShape === 'object' ? list[0] : list;
  }

  /** OfferedQueue `attributes` is typed string[] ("simplified flat list"); its example shows a {category, values} object. */
  flatAttributes(list: RoutingAttribute[]): unknown {
    if (this.format.attributesShape === 'object') return list[0];
    return list.flatMap((a) => a.values.map((v) => `${a.category}.${v}`));
  }

  private extra(body: Body): Body {
    return this.format.includeUnknownFields ? { ...body, [UNKNOWN_FIELD]: UNKNOWN_FIELD_VALUE } : body;
  }
}
