// Rewrites server/openapi.json from the zod schemas (tests/server/migrations.spec.ts checks they agree).
import { writeFileSync } from 'node:fs';
import { openApiDocument } from './openapi';

writeFileSync(new URL('./openapi.json', import.meta.url), `${JSON.stringify(openApiDocument(), null, 2)}\n`);
