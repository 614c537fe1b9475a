// leaderpages defaults: where pages come from and go, and the vocabulary of a leader page.
// A project's own pipeline.config.ts (or --config FILE) overrides any of these keys.

import { defineConfig } from './src/config/defineConfig.js';

export default defineConfig({
  inputs: ['raw/**/*.{txt,md,markdown,html,htm}'],
  out: 'output',
  concurrency: 'auto',
  maxFileBytes: 5 * 1024 * 1024,

  sections: {
    dimensions: {
      required: true,
      headings: ['Dimension Profile', 'Dimensions', 'Leadership Dimensions', 'Profile', 'Dimension Scores', 'Scores', 'Leadership Profile', 'Skill Profile', 'Dimension Breakdown', 'Leadership DNA', 'PM Genome Profile', 'Genome Profile', 'Skill Breakdown'],
    },
    themes: {
      required: false,
      headings: ['Key Themes', 'Themes', 'Topics', 'Key Topics', 'Main Themes', 'Core Themes', 'Recurring Themes', 'Topics Discussed', 'Themes Discussed', 'Focus Areas'],
    },
    summary: {
      required: false,
      headings: ['Episode Summary', 'Summary', 'Overview', 'Episode Overview', 'Podcast Summary', 'Episode Recap', 'About the Episode', 'Episode Description', 'Synopsis'],
    },
    principles: {
      required: false,
      headings: ['Leadership Principles', 'Principles', 'Key Principles', 'Core Principles', 'Key Takeaways', 'Takeaways', 'Guiding Principles', 'Operating Principles', 'Leadership Lessons', 'Key Lessons'],
    },
    quotes: {
      required: false,
      headings: ['Notable Quotes', 'Quotes', 'Key Quotes', 'Memorable Quotes', 'Selected Quotes', 'Favorite Quotes', 'Top Quotes', 'In Their Own Words', 'In Their Words', 'Highlighted Quotes'],
    },
  },

  dimensions: [
    { key: 'strategic-vision', name: 'Strategic Vision', aliases: ['Vision', 'Strategy'] },
    { key: 'execution-craft', name: 'Execution & Craft', aliases: ['Execution', 'Craft'] },
    { key: 'data-experimentation', name: 'Data & Experimentation', aliases: ['Data', 'Experimentation'] },
    { key: 'growth-distribution', name: 'Growth & Distribution', aliases: ['Growth', 'Distribution'] },
    { key: 'team-leadership', name: 'Team & Leadership', aliases: ['Team', 'Leadership'] },
    { key: 'user-empathy', name: 'User Empathy & Research', aliases: ['User Empathy', 'Empathy', 'User Research'] },
  ],

  archetypes: [
    'The Visionary',
    'The Operator',
    'The Craftsperson',
    'The Scientist',
    'The Growth Architect',
    'The Growth Scientist',
    'The Org Builder',
  ],

  chrome: {
    navigation: [
      'PM Genome', 'Archetypes', 'Leaders', 'Methodology', 'Take the Quiz', 'Home', 'Menu', 'Toggle menu', 'Search',
      'Skip to content', 'Skip to main content', 'Sign in', 'Log in', 'Share', 'Back',
      '← *', '‹ *', '< *', '« *', '*All Leaders', 'Back to *',
    ],
    footer: [
      'Want to know how you compare?', 'Take the Assessment', 'Built from * episodes of *', 'An experiment in AI-powered content analysis*',
      '© *', 'Copyright *', '*All rights reserved*',
    ],
  },

  rules: {},

  themes: { lexiconFile: null },
});
