// Meteor's EJSON dates (`{"$date": ms}`) in DDP frames and method.call results, turned into the ISO strings
// REST answers use, so the rest of the desk sees one date format.

export function fromEjson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromEjson);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === '$date' && typeof record.$date === 'number') {
      return new Date(record.$date).toISOString();
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = fromEjson(record[key]);
    return out;
  }
  return value;
}

export function toEjson(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.getTime() };
  if (Array.isArray(value)) return value.map(toEjson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toEjson(item);
    return out;
  }
  return value;
}
