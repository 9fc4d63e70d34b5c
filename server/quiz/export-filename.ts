/**
 * A downloaded quiz's file name, from its title ("Python for AI work" → `python-for-ai-work.csv`): a teacher
 * finds it again by name, where a server id (`my-3f9c…`) says nothing. Accents are dropped, anything else
 * that is not a letter or digit becomes one hyphen, so the name is safe on every file system.
 */
export function exportFilename(title: string, extension: 'json' | 'csv'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `${slug || 'quiz'}.${extension}`;
}
