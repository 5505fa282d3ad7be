import { useNotices } from './NoticeContext';

/** The messages of the panel, read out by screen readers as they come (errors assertively). */
export function NoticeList() {
  const { notices, dismiss } = useNotices();
  const errors = notices.filter((n) => n.kind === 'error');
  const others = notices.filter((n) => n.kind !== 'error');
  return (
    <div className="notices">
      <div role="alert" aria-live="assertive" className="notices__group">
        {errors.map((notice) => (
          <div key={notice.id} className="notice notice--error">
            <span className="notice__text">{notice.text}</span>
            <button type="button" className="button button--ghost button--small" aria-label="Dismiss message" onClick={() => dismiss(notice.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      <div role="status" aria-live="polite" className="notices__group">
        {others.map((notice) => (
          <div key={notice.id} className={`notice notice--${notice.kind}`}>
            <span className="notice__text">{notice.text}</span>
            <button type="button" className="button button--ghost button--small" aria-label="Dismiss message" onClick={() => dismiss(notice.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
