/**
 * One activity entry from the sidebar (SPEC §5): validated field by field, so the
 * form can show each message beside its field and nothing half-valid is written.
 */
import { SPACE_RUN } from './cells';
import { type Day, dayFromIso } from './day';
import type { Lang } from './i18n';
import type { FieldMessageKey } from './i18n/sidebar/types';
import { readQuantity } from './quantity';
import { nameKey } from './text';

export const LIMITS = {
  /** Characters in a rep or activity name. */
  name: 100,
  /** Characters in a note. */
  notes: 1000,
  /** The largest quantity (revenue included). */
  quantity: 1_000_000_000,
  /** Characters in an entry id. */
  id: 100,
} as const;

export type Field = 'rep' | 'activity' | 'quantity' | 'date' | 'notes';

export interface FieldError {
  /** The field the message belongs beside; `form` for the whole form. */
  field: Field | 'form';
  key: FieldMessageKey;
  params?: Record<string, string | number>;
}

/** What `logActivity` receives: anything at all, since it comes over the wire. */
export interface EntryInput {
  id?: unknown;
  date?: unknown;
  rep?: unknown;
  activity?: unknown;
  quantity?: unknown;
  notes?: unknown;
}

export interface ValidEntry {
  id: string;
  day: Day;
  rep: string;
  activity: string;
  quantity: number;
  notes: string;
}

export type Validated = { entry: ValidEntry; errors?: undefined } | { entry?: undefined; errors: FieldError[] };

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Checks every field; returns the entry, or every problem at once. A quantity
 * sent as text is read in `lang`'s way of writing numbers (quantity.ts).
 */
export function validateEntry(input: unknown, today: Day, lang: Lang = 'en'): Validated {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as EntryInput;
  const errors: FieldError[] = [];
  const id = text(raw.id);
  if (!id || id.length > LIMITS.id || !/^[\w.:-]+$/.test(id)) errors.push({ field: 'form', key: 'badId' });

  const name = (field: 'rep' | 'activity'): string => {
    const given = raw[field];
    const value = text(given) ?? '';
    if (given !== undefined && given !== null && text(given) === undefined) errors.push({ field, key: 'notText' });
    else if (value === '' && !String(given).includes('\ufeff')) errors.push({ field, key: 'required' });
    // Only invisible characters and spaces: nothing anyone could see, match or count.
    else if (nameKey(value) === '') errors.push({ field, key: 'invisible' });
    else if (value.length > LIMITS.name) {
      errors.push({ field, key: 'tooLong', params: { length: value.length, max: LIMITS.name } });
    }
    return value.replace(SPACE_RUN, ' ');
  };
  const rep = name('rep');
  const activity = name('activity');

  let quantity = Number.NaN;
  const quantityText = typeof raw.quantity === 'number' ? String(raw.quantity) : text(raw.quantity);
  const read = typeof raw.quantity === 'number' ? raw.quantity : readQuantity(quantityText ?? '', lang);
  if (raw.quantity === undefined || raw.quantity === null || quantityText === '') {
    errors.push({ field: 'quantity', key: 'required' });
  } else if (quantityText === undefined) {
    // true, an object…: only a client other than the form sends these.
    errors.push({ field: 'quantity', key: 'notANumber' });
  } else if (read === 'mark') {
    errors.push({ field: 'quantity', key: 'badDecimal' });
  } else {
    quantity = read;
    if (!Number.isFinite(quantity)) errors.push({ field: 'quantity', key: 'notANumber' });
    else if (quantity <= 0) errors.push({ field: 'quantity', key: 'notPositive' });
    else if (quantity > LIMITS.quantity) {
      errors.push({ field: 'quantity', key: 'tooLarge', params: { max: LIMITS.quantity } });
    }
  }

  const dateText = text(raw.date) ?? '';
  const day = dateText === '' ? undefined : dayFromIso(dateText);
  if (dateText === '') errors.push({ field: 'date', key: 'required' });
  else if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(dateText)) errors.push({ field: 'date', key: 'badDate' });
  else if (day > today) errors.push({ field: 'date', key: 'futureDate' });

  const notes = raw.notes === undefined || raw.notes === null ? '' : text(raw.notes);
  if (notes === undefined) {
    errors.push({ field: 'notes', key: 'notText' });
  } else if (notes.length > LIMITS.notes) {
    errors.push({ field: 'notes', key: 'tooLong', params: { length: notes.length, max: LIMITS.notes } });
  }

  if (errors.length > 0 || day === undefined || !id || notes === undefined) return { errors };
  return { entry: { id, day, rep, activity, quantity, notes } };
}
