import { useEffect, useState } from 'react';
import { lookupNumber } from '../api/contacts';

/** Who a typed number belongs to, looked up after a short pause in typing: "Boris Ivanov (colleague)". */
export function useNumberLookup(number: string, delayMs = 350): string {
  const [text, setText] = useState('');
  useEffect(() => {
    const typed = number.trim();
    if (typed.replace(/\D/g, '').length < 2) {
      setText('');
      return;
    }

    let cancelled = false;
    const timer = setTimeout(() => {
      lookupNumber(typed)
        .then((candidates) => {
          if (cancelled) return;
          const best = candidates[0];
          if (!best) setText('No contact or colleague has this number.');
          else if (best.matchedBy === 'extension') setText(`${best.userName ?? 'A colleague'} (colleague)`);
          else setText([best.contactName, best.accountName].filter(Boolean).join(', '));
        })
        .catch(() => {
          if (!cancelled) setText('');
        });
    }, delayMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [number, delayMs]);
  return text;
}
