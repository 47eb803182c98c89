// The platform mark: a hexagon (a region) around a node (an innovation entity).
export function AppLogo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#ffffff" fillOpacity="0.16" />
      <path
        d="M32 12 50 22v20L32 52 14 42V22z"
        fill="none"
        stroke="#fff"
        strokeWidth="4"
        strokeLinejoin="round"
      />
      <circle cx="32" cy="32" r="6" fill="#fff" />
    </svg>
  )
}
