// A separate process for corpus-concurrency.test.ts. Plain JS on the BUILT store (dist/, made by
// `npm run build`, which `npm test` runs first): a child process cannot load the TS sources
// without a loader, and worker threads would not be separate processes.
import { createCorpusStore } from '../../../dist/adapters/db/create-corpus-store.js';

const send = (message) => new Promise((resolve) => process.send(message, resolve));

try {
  const [dbSetting, schema] = process.argv.slice(2);
  // Opening also migrates: both children open a fresh database at the same moment.
  const store = await createCorpusStore(dbSetting, schema ? { schema } : {});
  process.once('message', async ({ items, channel, batchSize }) => {
    try {
      // Every new item asks for a delivery to `channel`, written with it (keyed on its story).
      const route = () => [{ channel, reason: 'race' }];
      const results = [];
      for (let start = 0; start < items.length; start += batchSize) {
        results.push(...(await store.insertItems(items.slice(start, start + batchSize), route)));
      }
      const claims = results.map((result) => (result.queued ?? []).length > 0);
      await store.close();
      await send({ type: 'done', results, claims });
    } catch (error) {
      await send({ type: 'error', message: String(error?.stack ?? error) });
    }
    process.disconnect();
  });
  await send({ type: 'ready' });
} catch (error) {
  await send({ type: 'error', message: String(error?.stack ?? error) });
  process.disconnect();
}
