// Every e2e test: on a failure, print what the open pages showed and logged (support/page-diagnostics).
import { beforeEach } from 'vitest';
import { describePages } from './page-diagnostics';

beforeEach((ctx) => {
  ctx.onTestFailed(async () => {
    const report = await describePages(ctx.task.name, 'tmp/e2e-failures');
    if (report) console.error(`\nWhat the pages showed when «${ctx.task.name}» failed:\n${report}\n`);
  });
});
