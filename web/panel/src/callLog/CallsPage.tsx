import { useEffect, useState } from 'react';
import { exportCallsUrl, searchCalls, type CallFilters, type CallLogPage } from '../api/calls';
import { navigate } from '../app/useHashRoute';
import { useCti } from '../cti/CtiContext';
import { CallFiltersForm } from './CallFiltersForm';
import { CallTable } from './CallTable';
import { filtersFromParams, filtersToParams } from './filters';

const pageSize = 25;

/** The Calls section: the call log with the Calls API's filters, keyset paging and CSV export. */
export function CallsPage({ params }: { params: URLSearchParams }) {
  const { state, run } = useCti();
  const filters = filtersFromParams(params);
  const filterKey = JSON.stringify(filters);
  // Keyset paging goes forward only; the cursors of the pages seen so far let the person go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<CallLogPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const after = cursors[cursors.length - 1] ?? null;

  useEffect(() => setCursors([null]), [filterKey]);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(null);
    searchCalls(JSON.parse(filterKey) as CallFilters, pageSize, after)
      .then((result) => !cancelled && setPage(result))
      .catch((failure: unknown) => !cancelled && setError(failure instanceof Error ? failure.message : String(failure)))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [filterKey, after]);

  const apply = (next: CallFilters) => navigate('/calls', filtersToParams(next));
  const canDial = state.line !== null && (state.lines[state.line]?.operations.dial ?? false);

  return (
    <main className="page" aria-labelledby="calls-title">
      <div className="page__header">
        <h1 id="calls-title" className="page__title">
          Calls
        </h1>
        <a className="button" href={exportCallsUrl(filters)} download="calls.csv">
          Export CSV
        </a>
      </div>
      <CallFiltersForm key={filterKey} filters={filters} onApply={apply} />
      <RecordFilterChips filters={filters} onApply={apply} />
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div aria-busy={loading} aria-live="polite">
        {page && page.items.length === 0 && !loading && <p className="muted empty">No calls match these filters.</p>}
        {page && page.items.length > 0 && <CallTable calls={page.items} onCall={canDial ? (number) => void run((m) => m.makeCall(number, state.line)) : undefined} />}
      </div>
      <nav className="pager" aria-label="Pages of calls">
        <button type="button" className="button" disabled={cursors.length <= 1 || loading} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </button>
        <span className="muted small">Page {cursors.length}</span>
        <button type="button" className="button" disabled={!page?.next || loading} onClick={() => page?.next && setCursors([...cursors, page.next])}>
          Next page
        </button>
      </nav>
    </main>
  );
}

/** Filters by a contact or an account arrive from links; they show as chips that can be removed. */
function RecordFilterChips({ filters, onApply }: { filters: CallFilters; onApply: (filters: CallFilters) => void }) {
  const chips = [
    filters.contactId && { key: 'contactId' as const, label: 'One contact' },
    filters.accountId && { key: 'accountId' as const, label: 'One account' },
    filters.agent && { key: 'agent' as const, label: 'One agent' },
  ].filter((chip): chip is { key: 'contactId' | 'accountId' | 'agent'; label: string } => Boolean(chip));
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label="Other filters">
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          {chip.label}
          <button type="button" className="button button--ghost button--small" aria-label={`Remove the filter: ${chip.label}`} onClick={() => onApply({ ...filters, [chip.key]: undefined })}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
