// Bundles the editor into <outdir>/editor.js (+ a lazily loaded chunk for the vim keymap).
// Called by `cargo xtask site` with the site's pkg/editor directory: node build.mjs <outdir>
import { build } from 'esbuild';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs <outdir>');
  process.exit(2);
}
const result = await build({
  entryPoints: { editor: 'src/editor.js' },
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  target: 'es2020',
  outdir,
  chunkNames: 'chunk-[hash]',
  metafile: true,
  logLevel: 'warning',
});
for (const [file, info] of Object.entries(result.metafile.outputs)) {
  console.error(`editor: ${file} ${(info.bytes / 1024).toFixed(1)} KiB`);
}
