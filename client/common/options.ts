/** Each answer has a colour AND a shape, so colour-blind players can tell them apart. */
const OPTION_LOOKS = [
  { shape: '▲', name: 'triangle' },
  { shape: '◆', name: 'diamond' },
  { shape: '●', name: 'circle' },
  { shape: '■', name: 'square' },
] as const;

export function optionLook(index: number): { shape: string; name: string } {
  return OPTION_LOOKS[index % OPTION_LOOKS.length]!;
}

export function optionClass(index: number): string {
  return `opt opt-${index % OPTION_LOOKS.length}`;
}
