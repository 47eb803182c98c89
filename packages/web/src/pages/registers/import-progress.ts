import type { RegisterImport } from '@kechuang/core/registers'

/**
 * The progress bar of a batch, 0–100: bytes read of the file while it is first read (the row count is not known
 * before the end), then rows re-checked of those staged when a new mapping is applied.
 */
export function importProgressPercent(
  batch: Pick<RegisterImport, 'status' | 'fileBytes' | 'processedBytes' | 'processedRows'>,
  stagedRows: number,
): number {
  if (batch.status !== 'processing') return 100
  const ratio =
    batch.processedBytes < batch.fileBytes || stagedRows === 0
      ? batch.processedBytes / Math.max(batch.fileBytes, 1)
      : batch.processedRows / stagedRows
  // 100 is shown only once the server says the batch is ready.
  return Math.min(99, Math.floor(ratio * 100))
}
