// Site chrome (navigation and footer lines) from the config patterns; `*` matches anything.

import type { PipelineConfig } from '../config/PipelineConfig.js';

export interface ChromeMatcher {
  isNavigation(text: string): boolean;
  isFooter(text: string): boolean;
}

function compile(patterns: readonly string[]): RegExp {
  const alternatives = patterns.map((p) =>
    p
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^\\n]*'),
  );
  return new RegExp(`^(?:${alternatives.join('|') || '(?!)'})$`, 'i');
}

const cache = new WeakMap<PipelineConfig, ChromeMatcher>();

export function chromeMatcher(config: PipelineConfig): ChromeMatcher {
  let matcher = cache.get(config);
  if (matcher === undefined) {
    const navigation = compile(config.chrome.navigation);
    const footer = compile(config.chrome.footer);
    // Chrome lines are short; never run the patterns over long text.
    matcher = {
      isNavigation: (text) => text.length <= 200 && navigation.test(text),
      isFooter: (text) => text.length <= 200 && footer.test(text),
    };
    cache.set(config, matcher);
  }
  return matcher;
}
