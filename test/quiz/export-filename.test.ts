import { describe, expect, it } from 'vitest';
import { exportFilename } from '../../server/quiz/export-filename.js';

describe('an exported quiz file\'s name', () => {
  it('comes from the title, in lower case with hyphens, safe on any file system', () => {
    expect(exportFilename('Python for AI work', 'csv')).toBe('python-for-ai-work.csv');
    expect(exportFilename('Éléments: de Python — 2e partie!', 'json')).toBe('elements-de-python-2e-partie.json');
    expect(exportFilename('../../etc/passwd', 'csv')).toBe('etc-passwd.csv');
    expect(exportFilename('x'.repeat(100), 'csv')).toBe(`${'x'.repeat(60)}.csv`);
  });

  it('falls back to "quiz" when the title has no letter or digit', () => {
    expect(exportFilename('¿?!', 'json')).toBe('quiz.json');
  });
});
