/** Entry of bench/pipeline.ts's sources child process: `BASE COUNT ROUNDS`; prints its figures as JSON. */
import { runSourcesWorker } from './_pipeline-sources.js';

const [base = '', count = '0', rounds = '1'] = process.argv.slice(2);
const figures = await runSourcesWorker(base, Number(count), Number(rounds));
process.stdout.write(`${JSON.stringify(figures)}\n`);
