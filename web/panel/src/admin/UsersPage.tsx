import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { PhoneStyle } from '../api/auth';
import { ApiError } from '../api/problem';
import { getSipAccount, listUsers, removeSipAccount, setPhoneStyle, setSipAccount, type UserEntry } from '../api/users';
import { useNotices } from '../notices/NoticeContext';

/** Administrators: each user's phone style and web-phone (SIP) account. */
export function UsersPage() {
  const { fail } = useNotices();
  const [users, setUsers] = useState<UserEntry[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(() => {
    listUsers()
      .then(setUsers)
      .catch((error: unknown) => {
        setUsers([]);
        fail(error, 'Cannot read the users');
      });
  }, [fail]);
  useEffect(load, [load]);

  return (
    <main className="page stack" aria-labelledby="users-title">
      <h1 id="users-title" className="section__title">
        Users and phones
      </h1>
      <p className="muted small">
        A user with the web phone has the browser as their phone: it registers their SIP account over WebSocket. Give them the SIP account and one of
        their lines as its user name, so that their calls are saved on their line.
      </p>
      {users === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <ul className="stack" aria-label="Users">
          {users.map((user) => (
            <li key={user.id} className="card stack">
              <UserRow user={user} onChanged={load} open={open === user.id} onToggle={() => setOpen(open === user.id ? null : user.id)} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function UserRow({ user, onChanged, open, onToggle }: { user: UserEntry; onChanged: () => void; open: boolean; onToggle: () => void }) {
  const { notify, fail } = useNotices();
  const style: PhoneStyle = user.phoneStyle ?? 'thirdParty';

  async function changeStyle(next: PhoneStyle) {
    try {
      await setPhoneStyle(user.id, next);
      notify('success', `${user.displayName} now uses ${next === 'webPhone' ? 'the web phone' : 'their PBX phone'}; it applies at their next sign-in or reload.`);
      onChanged();
    } catch (error) {
      fail(error, 'The phone style was not changed');
    }
  }

  return (
    <>
      <div className="input-row input-row--wrap">
        <div className="field--grow">
          <strong>{user.displayName}</strong> <span className="muted small">{user.login} · {user.role} · lines {user.lines.join(', ') || 'none'}</span>
        </div>
        <label className="field field--inline">
          <span className="field__label">Phone</span>
          <select value={style} onChange={(e) => void changeStyle(e.target.value as PhoneStyle)} aria-label={`Phone style of ${user.displayName}`}>
            <option value="thirdParty">PBX phone (third party)</option>
            <option value="webPhone">Web phone in the browser</option>
          </select>
        </label>
        <button type="button" className="button button--small" aria-expanded={open} onClick={onToggle}>
          Web-phone account…
        </button>
      </div>
      {open && <SipAccountForm user={user} />}
    </>
  );
}

const emptyAccount = { address: '', authUser: '', password: '', webSocketUrl: '', displayName: '' };

function SipAccountForm({ user }: { user: UserEntry }) {
  const { notify, fail } = useNotices();
  const [form, setForm] = useState(emptyAccount);
  const [exists, setExists] = useState<boolean | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  useEffect(() => {
    getSipAccount(user.id)
      .then((account) => {
        setForm({ ...emptyAccount, ...account, displayName: account.displayName ?? '', password: '' });
        setExists(true);
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiError && error.status === 404)) fail(error, 'Cannot read the web-phone account');
        setForm({ ...emptyAccount, authUser: user.lines[0] ?? '', displayName: user.displayName });
        setExists(false);
      });
  }, [user, fail]);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await setSipAccount(user.id, { ...form, displayName: form.displayName || null });
      setErrors({});
      setExists(true);
      setForm((f) => ({ ...f, password: '' }));
      notify('success', `Web-phone account of ${user.displayName} saved.`);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      fail(error, 'The web-phone account was not saved');
    }
  }

  async function remove() {
    try {
      await removeSipAccount(user.id);
      setExists(false);
      setForm({ ...emptyAccount, authUser: user.lines[0] ?? '', displayName: user.displayName });
      notify('success', `Web-phone account of ${user.displayName} removed.`);
    } catch (error) {
      fail(error, 'The web-phone account was not removed');
    }
  }

  if (exists === null) return <p className="muted small">Loading…</p>;
  const field = (name: keyof typeof emptyAccount, label: string, props: { type?: string; placeholder?: string; required?: boolean; autoComplete?: string }) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        name={name}
        type={props.type ?? 'text'}
        value={form[name]}
        placeholder={props.placeholder}
        required={props.required}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={errors[name] ? true : undefined}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
      {errors[name] && <span className="form-error">{errors[name].join(' ')}</span>}
    </label>
  );

  return (
    <form className="stack" onSubmit={save} aria-label={`Web-phone account of ${user.displayName}`}>
      {field('address', 'SIP address', { placeholder: 'sip:101@pbx.example.org', required: true })}
      {field('authUser', 'Authentication user', { required: true })}
      {field('password', exists ? 'SIP password (type it again to save)' : 'SIP password', { type: 'password', required: true, autoComplete: 'new-password' })}
      {field('webSocketUrl', 'WebSocket URL', { placeholder: 'wss://pbx.example.org:8089/ws', required: true })}
      {field('displayName', 'Display name', {})}
      <div className="button-row">
        <button type="submit" className="button button--primary">
          Save account
        </button>
        {exists && (
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            Remove account
          </button>
        )}
      </div>
    </form>
  );
}
