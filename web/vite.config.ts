import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Shared libraries in chunks of their own (cached across releases); antd's components stay with the
 * route chunks that use them, so a page loads only what it shows.
 */
const VENDOR_GROUPS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons/ },
  {
    name: 'antd-core',
    test: /node_modules[\\/](@ant-design[\\/](cssinjs|colors|fast-color)|@rc-component[\\/](util|motion|trigger|portal|resize-observer))/,
  },
  { name: 'data', test: /node_modules[\\/](zod|@tanstack|i18next|react-i18next)[\\/]/ },
];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      output: { codeSplitting: { groups: VENDOR_GROUPS } },
    },
  },
});
