// The core's problems JSON ("" or an array of {field, value, message}) as objects.
import type { Problem } from './protocol';

export function parseProblems(json: string): Problem[] {
  if (json === '') return [];
  try {
    const v: unknown = JSON.parse(json);
    if (Array.isArray(v)) {
      return v.map((p: unknown) => {
        const r = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
        return {
          field: String(r['field'] ?? ''),
          value: String(r['value'] ?? ''),
          message: String(r['message'] ?? 'invalid value'),
        };
      });
    }
  } catch {
    // fall through: report the raw answer
  }
  return [{ field: '', value: '', message: json }];
}
