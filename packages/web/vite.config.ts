import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// `npm run dev -w @kechuang/web` serves the app on :5173 and forwards /api to the API server on :3000,
// so the session cookie stays same-origin. `npm run build` writes dist/, which the server serves itself.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The ECharts chunk (core, bar, pie: ~550 kB, 190 kB gzipped) is the largest; it loads with the dashboard.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries that change rarely get chunks of their own, so a new release of the app does not make
        // browsers download them again. Ant Design stays split per component: the login page needs few.
        // ECharts is only loaded with the dashboard.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            {
              name: 'echarts',
              test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/,
            },
          ],
        },
      },
    },
  },
})
