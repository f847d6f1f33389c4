// The in-process runner against the shared JobRunner contract (the BullMQ runner runs the same suite).
import { createInProcessRunner } from '../../../jobs/runners/in-process-runner.js';
import { describeJobRunner } from '../../helpers/runner-contract.js';

describeJobRunner('in-process runner', (options) => createInProcessRunner({ ...options, pollOnStart: true }));
