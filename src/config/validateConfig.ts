// Check a loaded config object against configSchema and the rule table. Every problem comes back
// with its key path and, for a near miss, the key or value that was probably meant.

import { closestName } from '../cli/didYouMean.js';
import { rules, type RuleId, type RuleInfo } from '../diagnostics/rules.js';
import { configSchema, type ConfigInput } from './configSchema.js';

export interface ConfigProblem {
  /** Key path, e.g. `rules.percentage-out-of-range` or `dimensions[2].key`. */
  path: string;
  message: string;
}

function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out || '(config)';
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at = root;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

/** The keys a strict object at `path` allows (for "did you mean"). */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  // Walk the schema's shapes along the path; arrays are looked through.
  let schema: unknown = configSchema;
  const unwrap = (s: unknown): unknown => {
    let at = s as { def?: { type?: string; innerType?: unknown; element?: unknown; shape?: unknown } };
    while (at?.def?.type === 'optional' || at?.def?.type === 'nullable' || at?.def?.type === 'array') {
      at = (at.def.type === 'array' ? at.def.element : at.def.innerType) as typeof at;
    }
    return at;
  };
  for (const part of path) {
    if (typeof part !== 'string') continue;
    const shape = (unwrap(schema) as { def?: { shape?: Record<string, unknown> } }).def?.shape;
    schema = shape?.[part];
  }
  const shape = (unwrap(schema) as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape === undefined ? [] : Object.keys(shape);
}

function hint(word: string, candidates: readonly string[]): string {
  const match = closestName(word, candidates);
  return match === null ? '' : ` Did you mean '${match}'?`;
}

export function validateConfig(value: unknown): { config: ConfigInput; problems: [] } | { config: null; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const result = configSchema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        const allowed = allowedKeys(issue.path);
        for (const key of issue.keys) {
          problems.push({ path: keyPath([...issue.path, key]), message: `unknown key.${hint(key, allowed)}${allowed.length > 0 && hint(key, allowed) === '' ? ` Known keys: ${allowed.join(', ')}.` : ''}` });
        }
        continue;
      }
      const got = valueAt(value, issue.path);
      if (issue.code === 'invalid_value' && typeof got === 'string') {
        const options = issue.values.map(String);
        problems.push({ path: keyPath(issue.path), message: `${shown(got)} is not allowed; use ${options.map((o) => `'${o}'`).join(', ')}.${hint(got, options)}` });
        continue;
      }
      problems.push({ path: keyPath(issue.path), message: `${issue.message}${got === undefined ? '' : ` (got ${shown(got)})`}.` });
    }
  }
  const ruleSettings = (value as { rules?: unknown } | null)?.rules;
  if (ruleSettings !== null && typeof ruleSettings === 'object') {
    for (const rule of Object.keys(ruleSettings)) {
      if (!Object.hasOwn(rules, rule)) {
        problems.push({ path: keyPath(['rules', rule]), message: `unknown rule.${hint(rule, Object.keys(rules))} Rules are listed in docs/rules.md.` });
        continue;
      }
      const fixed = (rules[rule as RuleId] as RuleInfo).fixed;
      if (fixed !== undefined) problems.push({ path: keyPath(['rules', rule]), message: `this rule's severity cannot be changed: ${fixed}.` });
    }
  }
  if (problems.length > 0 || !result.success) return { config: null, problems };
  return { config: result.data, problems: [] };
}
