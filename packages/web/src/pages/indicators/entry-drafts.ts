import type { IndicatorView, Observation } from '@kechuang/core/indicators'

/** What the reporter has typed for one indicator; `value` null while the cell is empty. */
export interface EntryDraft {
  value: number | null
  source: string
  note: string
}

/** Indicators a value may be entered for in `year`: not derived (the server computes those), year allowed. */
export function enterableIndicators(indicators: readonly IndicatorView[], year: number): IndicatorView[] {
  return indicators
    .filter((i) => !i.formula && i.entryYears.from <= year && year <= i.entryYears.to)
    .sort((a, b) => a.order - b.order)
}

/** The form starts from the current value, its source and note. */
export function draftFrom(observation: Observation | undefined): EntryDraft {
  return {
    value: observation?.value ?? null,
    source: observation?.source ?? '',
    note: observation?.note ?? '',
  }
}

/** A row is saved only when something differs from the current value; an empty cell is never sent. */
export function isDraftChanged(draft: EntryDraft, observation: Observation | undefined): boolean {
  if (draft.value === null) return false
  const current = draftFrom(observation)
  return (
    draft.value !== current.value ||
    draft.source.trim() !== current.source.trim() ||
    draft.note.trim() !== current.note.trim()
  )
}

/** The body of POST observations, to be checked with ObservationInput before it is sent. */
export function toObservationInput(
  indicatorCode: string,
  orgUnitId: string,
  year: number,
  draft: EntryDraft,
): Record<string, unknown> {
  return {
    indicatorCode,
    orgUnitId,
    year,
    value: draft.value,
    source: draft.source,
    ...(draft.note.trim() ? { note: draft.note } : {}),
  }
}
