import { THEME_CHOICES, useTheme, type ThemeChoice } from '../../stores/theme-store.ts';

const CHOICE_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light or dark, or whichever the OS prefers; remembered on this machine. */
export function ThemeSelect() {
  const choice = useTheme((state) => state.choice);
  const theme = useTheme((state) => state.theme);
  return (
    <label className="theme-select">
      <span>Theme</span>
      <select
        className="input input-small"
        value={choice}
        onChange={(change) => useTheme.getState().choose(change.target.value as ThemeChoice)}
        data-testid="theme-select"
      >
        {THEME_CHOICES.map((option) => (
          <option key={option} value={option}>
            {option === 'system' && choice === 'system' ? `System (${theme})` : CHOICE_LABELS[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
