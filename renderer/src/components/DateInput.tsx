/**
 * THE date input of the app: antd's DatePicker (zh_CN calendar) whose typed text is read by shared/'s
 * one date parser (parseDateInput), so 2026-11-04, 2026/11/4, 2026.11.4, 2026年11月4日 and 20261104 all
 * give the same day, and a date that does not exist (2026-02-30) is refused with the parser's reason.
 * The value is the legal date as text (YYYY-MM-DD), or '' when empty — what the forms and shared/ use.
 */
import { DatePicker, Typography } from 'antd';
import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import type { GenerateConfig } from '@rc-component/picker/generate';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState, type CSSProperties } from 'react';
import { parseDateInput } from '../../../shared/util/parse-date';
import { isIsoDate } from '../../../shared/util/dates';

const sharedParserConfig: GenerateConfig<Dayjs> = {
  ...dayjsGenerateConfig,
  locale: {
    ...dayjsGenerateConfig.locale,
    // While typing, only the complete display form is taken (a partial "2026-1-1" or "2026年10月7" is
    // left as typed, never rewritten under the cursor); any other accepted form is read by the one
    // parser when the officer presses Enter or leaves the field (commitTyped below).
    parse: (_locale, text) => {
      const parsed = parseDateInput(text);
      return parsed.ok && parsed.form === 'iso' ? dayjs(parsed.date) : null;
    },
  },
};

const Picker = DatePicker.generatePicker<Dayjs>(sharedParserConfig);

export const DATE_INPUT_PLACEHOLDER = '如 2026-11-04';

export type DateInputProps = {
  value?: string | null;
  onChange?: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  size?: 'small' | 'middle' | 'large';
  id?: string;
  /** data-testid of the text input (tests type into it). */
  testId?: string;
  /** Latest day that can be chosen in the calendar (e.g. today for acts). */
  maxDate?: string;
};

export function DateInput({ value, onChange, placeholder = DATE_INPUT_PLACEHOLDER, disabled, allowClear = true, style, size, id, testId, maxDate }: DateInputProps) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const picked = typeof value === 'string' && isIsoDate(value) ? dayjs(value) : null;
  /** The typed text, read by the one parser: a date becomes the value, anything else shows the reason. */
  // What the officer typed, caught before the picker handles the event (it may reset its text on blur).
  const typed = useRef<string | null>(null);
  const commitTyped = () => {
    const text = typed.current?.trim() ?? null;
    typed.current = null;
    if (text === null) return;
    if (text === '') return setRefusal(null);
    const parsed = parseDateInput(text);
    if (!parsed.ok) return setRefusal(parsed.reason);
    setRefusal(null);
    if (parsed.date !== value) onChange?.(parsed.date);
  };
  return (
    <span
      style={{ display: 'inline-flex', flexDirection: 'column' }}
      onInputCapture={(e) => {
        const text = (e.target as HTMLInputElement).value;
        typed.current = text;
        // A complete 2026-11-04 is taken at once (as a text field would); other forms on Enter or leaving.
        const parsed = parseDateInput(text);
        if (parsed.ok && parsed.form === 'iso' && parsed.date !== value) {
          setRefusal(null);
          onChange?.(parsed.date);
        }
      }}
      onBlurCapture={commitTyped}
      onKeyDownCapture={(e) => {
        if (e.key === 'Enter') commitTyped();
      }}
    >
      <Picker
        value={picked}
        format="YYYY-MM-DD"
        placeholder={placeholder}
        disabled={disabled}
        allowClear={allowClear}
        style={{ width: 160, ...style }}
        size={size}
        id={id}
        status={refusal ? 'error' : undefined}
        {...(maxDate && isIsoDate(maxDate) ? { maxDate: dayjs(maxDate) } : {})}
        {...(testId ? { 'data-testid': testId } : {})}
        onChange={(d) => {
          setRefusal(null);
          onChange?.(d ? d.format('YYYY-MM-DD') : '');
        }}
      />
      {refusal && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={testId ? `${testId}-refusal` : undefined}>
          {refusal}
        </Typography.Text>
      )}
    </span>
  );
}
