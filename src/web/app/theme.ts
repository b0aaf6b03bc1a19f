import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** A darker green than Mantine's, so text and white-on-fill meet WCAG AA contrast. */
const ok: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#51cf66',
  '#37b24d',
  '#2b8a3e',
  '#237032',
  '#1b5e28',
  '#124a1e',
];

/** Amber for "in progress" states, dark enough for text on its light shades. */
const warn: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#fd7e14',
  '#e8590c',
  '#b34700',
  '#963c00',
  '#7a3100',
];

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 (#1971c2) gives 5:1 for white text on filled buttons and for links on white.
  primaryShade: { light: 8, dark: 8 },
  colors: { ok, warn },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  // Required fields keep the `required` attribute, but labels carry no «*»: every form states that all its
  // fields are required, and labels stay exactly the visible words (tests find fields by label text).
  components: {
    // Plain objects rather than Component.extend(), so the theme does not pull these components into the
    // main bundle.
    TextInput: { defaultProps: { withAsterisk: false } },
    PasswordInput: { defaultProps: { withAsterisk: false } },
    NativeSelect: { defaultProps: { withAsterisk: false } },
    // Lower-case badges read better (especially Cyrillic) and are not truncated as easily.
    Badge: { defaultProps: { tt: 'none', size: 'md' } },
    Table: { defaultProps: { captionSide: 'top' } },
  },
});

/** Mantine's defaults for dimmed, placeholder, error, success and link colours fail 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-success': 'var(--mantine-color-ok-8)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
  },
  dark: {},
});
