// A run config that reads a CSV file: its data.csv options set (core/train/run_config.hpp).
import type { CsvOptions } from './protocol';

export function withCsvOptions(config: string, options: CsvOptions): string {
  const c = JSON.parse(config) as { data?: Record<string, unknown> };
  c.data = { ...c.data, csv: options };
  return JSON.stringify(c);
}
