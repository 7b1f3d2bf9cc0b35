// The reading settings, their defaults and their bounds: one definition for the view's buttons,
// the options page and settings imported from a file.
export const DEFAULTS = { theme: 'system', font: 'serif', size: 20, width: 68, highlight: true };
export const THEMES = ['system', 'light', 'sepia', 'dark'];
export const FONTS = ['serif', 'sans'];
// Text size in CSS pixels and line width in characters: below these text is too small or lines
// too short to read comfortably; above them a line no longer fits a screen.
export const BOUNDS = { size: { min: 14, max: 32, step: 1 }, width: { min: 45, max: 100, step: 5 } };

// `value` for setting `key`, brought within its bounds (the default when it is not a number).
export function clamp(key, value) {
  const { min, max } = BOUNDS[key];
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : DEFAULTS[key];
}

// The reading settings of `data` (an imported file, or storage), each valid or its default.
export function sanitize(data) {
  return {
    theme: THEMES.includes(data?.theme) ? data.theme : DEFAULTS.theme,
    font: FONTS.includes(data?.font) ? data.font : DEFAULTS.font,
    size: clamp('size', data?.size),
    width: clamp('width', data?.width),
    // Quotations highlighted (with their speakers) or read as plain text.
    highlight: typeof data?.highlight === 'boolean' ? data.highlight : DEFAULTS.highlight,
  };
}
