// The public API is exactly this list: adding or removing an export is a deliberate change.

import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "DimensionScore",
      "LeaderProfile",
      "PARSER_VERSION",
      "Quote",
      "RECORD_VERSION",
      "Role",
      "Source",
      "ThemeLexicon",
      "configWith",
      "createLeaderFile",
      "defaultConfig",
      "defineConfig",
      "loadConfig",
      "loadThemeLexicon",
      "openDatabase",
      "parseDocument",
      "report",
      "resolveConfig",
      "ruleIds",
      "rules",
      "runIngest",
      "runStages",
      "sourceFormats",
      "splitThemes",
      "stages",
      "toJsonSchema",
    ]
  `);
});
