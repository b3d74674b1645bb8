// Writes a .gz and a .br beside each text asset of the build, so that the server sends them as they
// are to the browsers that accept them (no compression per request, and the best levels).
// index.html is left out: the server adds the URL base to it at start-up and compresses it per answer.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT = /\.(js|mjs|css|svg|json|webmanifest|txt|map|xml)$/;
const MINIMUM = 1024;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const root = process.argv[2] ?? "../src/reelarr/web";
let written = 0;
for (const path of files(root)) {
  if (!TEXT.test(path)) continue;
  const plain = readFileSync(path);
  if (plain.length < MINIMUM) continue;
  const packed = {
    gz: gzipSync(plain, { level: 9 }),
    br: brotliCompressSync(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
  };
  for (const [suffix, body] of Object.entries(packed)) {
    if (body.length < plain.length) {
      writeFileSync(`${path}.${suffix}`, body);
      written += 1;
    }
  }
}
console.log(`precompressed: ${written} files beside the assets of ${root}`);
