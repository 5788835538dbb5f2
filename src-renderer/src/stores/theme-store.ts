import { create } from 'zustand';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'hooklab.theme';
const LIGHT_QUERY = '(prefers-color-scheme: light)';

interface ThemeState {
  choice: ThemeChoice;
  /** What is shown: the choice, or for "system" what the OS prefers right now. */
  theme: Theme;
  choose(choice: ThemeChoice): void;
}

function savedChoice(): ThemeChoice {
  const saved = localStorage.getItem(STORAGE_KEY);
  return (THEME_CHOICES as readonly string[]).includes(saved ?? '') ? (saved as ThemeChoice) : 'system';
}

function resolve(choice: ThemeChoice): Theme {
  if (choice !== 'system') return choice;
  return matchMedia(LIGHT_QUERY).matches ? 'light' : 'dark';
}

/** theme.css keys the light palette on this attribute; dark is the default. */
function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

export const useTheme = create<ThemeState>()((set) => {
  const choice = savedChoice();
  const theme = resolve(choice);
  apply(theme);
  return {
    choice,
    theme,
    choose(next) {
      localStorage.setItem(STORAGE_KEY, next);
      const resolved = resolve(next);
      apply(resolved);
      set({ choice: next, theme: resolved });
    },
  };
});

// "System" follows the OS as it changes (a scheduled dark mode at dusk), without a reload.
matchMedia(LIGHT_QUERY).addEventListener('change', () => {
  const { choice } = useTheme.getState();
  if (choice !== 'system') return;
  const theme = resolve(choice);
  apply(theme);
  useTheme.setState({ theme });
});
