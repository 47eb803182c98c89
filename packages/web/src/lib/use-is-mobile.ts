import { useSyncExternalStore } from 'react'

// Below Ant Design's `md` breakpoint the side menu becomes a drawer (phones, 390px wide).
const MOBILE_QUERY = '(max-width: 767.98px)'

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(MOBILE_QUERY)
  list.addEventListener('change', onChange)
  return () => list.removeEventListener('change', onChange)
}

/** Whether the viewport is phone-sized; read synchronously, so the first paint is already right. */
export function useIsMobile(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(MOBILE_QUERY).matches)
}
