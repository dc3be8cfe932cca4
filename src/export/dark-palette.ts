/**
 * The journey picture in the dark palette, asked for in the image options: the picture's light
 * colours swapped for the dark theme's. Shapes and text are told apart, since white is a card's
 * background but the stage headers' text, which stays white on their navy band.
 */
const SHAPES: Record<string, string> = {
  '#ffffff': '#1a1e26',
  '#f7f8fb': '#1f242d',
  '#eef1f6': '#232833',
  '#dde1e8': '#394152',
  '#c9cfdb': '#4a5365',
  '#eceff4': '#2a303b',
  '#cfd5df': '#465064',
  '#d7dbe3': '#3a4252',
  '#fff7ef': '#3a2f22',
  '#fff6f5': '#3a2325',
  '#f3fbf6': '#1f3326',
};
const TEXT: Record<string, string> = {
  '#1d2433': '#e4e8ef',
  '#3b4456': '#c3cad6',
  '#5a6478': '#a8b1c2',
};

export function darkPalette(svg: string): string {
  return svg.replace(/<(\w+)\b[^>]*>/g, (tag, name: string) => {
    const map = name === 'text' || name === 'tspan' ? TEXT : SHAPES;
    return tag.replace(/(fill|stroke)="(#[0-9a-fA-F]{6})"/g, (whole, attr: string, color: string) => {
      const to = map[color.toLowerCase()];
      return to ? `${attr}="${to}"` : whole;
    });
  });
}
