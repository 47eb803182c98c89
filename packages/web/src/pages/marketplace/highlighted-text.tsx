import { highlightTerms } from './highlight-terms'

/** `text` with `terms` marked; every piece is rendered as a text node, so markup in the text shows as typed. */
export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightTerms(text, terms).map((segment, index) =>
        segment.isMatch ? (
          <mark key={index} style={{ background: '#ffe58f', padding: 0 }}>
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  )
}
