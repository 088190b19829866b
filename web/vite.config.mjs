// @ts-check
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the gateway at /; in development `npm run dev` proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    fs: { allow: ['..'] },
    proxy: {
      '/graphql': { target: process.env.GATEWAY_URL ?? 'http://localhost:4000', ws: true },
      '/oauth': { target: process.env.GATEWAY_URL ?? 'http://localhost:4000' },
    },
  },
});
