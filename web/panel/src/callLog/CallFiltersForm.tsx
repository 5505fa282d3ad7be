import type { CallDirection, CallEndReason } from '@switchboard/cti';
import { useState, type FormEvent } from 'react';
import type { CallFilters } from '../api/calls';
import { directionLabels, endReasonLabels } from '../ui/format';
import { dayEndExclusive, dayOf, dayStart, lastDayOf } from './filters';

/** The Calls API's filters as a form; applied on submit, so typing a number does not query on every key. */
export function CallFiltersForm({ filters, onApply }: { filters: CallFilters; onApply: (filters: CallFilters) => void }) {
  const [draft, setDraft] = useState(() => ({
    fromDay: dayOf(filters.from),
    toDay: lastDayOf(filters.to),
    direction: filters.direction ?? '',
    result: filters.result ?? '',
    number: filters.number ?? '',
    sort: filters.sort ?? 'startedAt',
    order: filters.order ?? 'desc',
  }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({
      ...filters,
      from: dayStart(draft.fromDay),
      to: dayEndExclusive(draft.toDay),
      direction: draft.direction as CallDirection | '',
      result: draft.result as CallEndReason | '',
      number: draft.number.trim(),
      sort: draft.sort,
      order: draft.order,
    });
  }

  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  return (
    <form className="filters" onSubmit={submit} aria-label="Call log filters">
      <label className="field">
        <span className="field__label">From</span>
        <input type="date" value={draft.fromDay} onChange={set('fromDay')} />
      </label>
      <label className="field">
        <span className="field__label">To</span>
        <input type="date" value={draft.toDay} onChange={set('toDay')} />
      </label>
      <label className="field">
        <span className="field__label">Direction</span>
        <select value={draft.direction} onChange={set('direction')}>
          <option value="">Any</option>
          {Object.entries(directionLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Result</span>
        <select value={draft.result} onChange={set('result')}>
          <option value="">Any</option>
          {Object.entries(endReasonLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Number</span>
        <input type="search" inputMode="tel" value={draft.number} onChange={set('number')} placeholder="Either party" />
      </label>
      <label className="field">
        <span className="field__label">Sort by</span>
        <select value={draft.sort} onChange={set('sort')}>
          <option value="startedAt">Start</option>
          <option value="duration">Duration</option>
        </select>
      </label>
      <label className="field">
        <span className="field__label">Order</span>
        <select value={draft.order} onChange={set('order')}>
          <option value="desc">Descending</option>
          <option value="asc">Ascending</option>
        </select>
      </label>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
      </div>
    </form>
  );
}
