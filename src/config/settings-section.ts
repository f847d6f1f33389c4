/**
 * The environment variables one chat adapter reads, declared by the adapter with its platform
 * (ChatPlatform.settings), so a new platform's settings need no change here. loadConfig parses every
 * registered section with the core's variables and reports their problems in one line.
 */
import type { z } from 'zod';
import type { Config } from './config.js';

/** One bad variable: its name and the text that says what was wrong (secrets never echoed). */
export interface SettingsProblem {
  variable: string;
  text: string;
}

export type SectionResult<T> = { ok: true; settings: T | null } | { ok: false; problems: SettingsProblem[] };

export interface SettingsSection<T> {
  /** Parses the section's variables: its settings, null when the platform is not configured. */
  parse(env: NodeJS.ProcessEnv): SectionResult<T>;
}

/** zod's issues as problems, each naming its variable; values of TOKEN and SECRET variables are never shown. */
export function zodProblems(error: z.ZodError, env: NodeJS.ProcessEnv): SettingsProblem[] {
  return error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? 'environment');
    const got = /TOKEN|SECRET/.test(variable) ? '' : ` (got ${JSON.stringify(env[variable] ?? '')})`;
    return { variable, text: `${variable}: ${issue.message}${got}` };
  });
}

/** A section parsed with a zod object schema and turned into settings by `build`. */
export function zodSection<S extends z.ZodTypeAny, T>(
  schema: S,
  build: (values: z.infer<S>) => SectionResult<T>,
): SettingsSection<T> {
  return {
    parse(env) {
      const parsed = schema.safeParse(env);
      return parsed.success ? build(parsed.data) : { ok: false, problems: zodProblems(parsed.error, env) };
    },
  };
}

/** The settings `section` produced when the config was loaded; null when its platform is not configured. */
export function settingsOf<T>(config: Readonly<Config>, section: SettingsSection<T>): T | null {
  // loadConfig stores each section's own result under the section: the type is the section's.
  return (config.chats.get(section as SettingsSection<unknown>) ?? null) as T | null;
}
