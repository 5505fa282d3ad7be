import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { PhoneStyle } from '../api/auth';
import { ApiError } from '../api/problem';
import { getSipAccount, listUsers, removeSipAccount, setDisabled, setPhoneStyle, setSipAccount, type DtmfTransport, type UserEntry } from '../api/users';
import { useNotices } from '../notices/NoticeContext';
import { iceFieldsOf, iceServersOf, needsTurnCredential } from './iceServerFields';

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

  async function changeDisabled(disabled: boolean) {
    try {
      await setDisabled(user, disabled);
      notify('success', disabled ? `${user.displayName} can no longer sign in; their open sessions have ended.` : `${user.displayName} can sign in again.`);
      onChanged();
    } catch (error) {
      fail(error, disabled ? 'The user was not disabled' : 'The user was not enabled');
    }
  }

  return (
    <>
      <div className="input-row input-row--wrap">
        <div className="field--grow">
          <strong>{user.displayName}</strong> <span className="muted small">{user.login} · {user.role} · lines {user.lines.join(', ') || 'none'}</span>
          {user.disabled && <span className="muted small"> · disabled</span>}
        </div>
        <label className="field field--inline">
          <input type="checkbox" checked={!user.disabled} onChange={(e) => void changeDisabled(!e.target.checked)} aria-label={`${user.displayName} may sign in`} />
          <span className="field__label">May sign in</span>
        </label>
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

const emptyAccount = {
  address: '',
  authUser: '',
  password: '',
  webSocketUrl: '',
  displayName: '',
  dtmfTransport: 'rfc4733' as DtmfTransport,
  iceUrls: '',
  turnUsername: '',
  turnCredential: '',
};

function SipAccountForm({ user }: { user: UserEntry }) {
  const { notify, fail } = useNotices();
  const [form, setForm] = useState(emptyAccount);
  const [exists, setExists] = useState<boolean | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  useEffect(() => {
    getSipAccount(user.id)
      .then((account) => {
        setForm({
          ...emptyAccount,
          address: account.address,
          authUser: account.authUser,
          webSocketUrl: account.webSocketUrl,
          displayName: account.displayName ?? '',
          dtmfTransport: account.dtmfTransport ?? 'rfc4733',
          ...iceFieldsOf(account.iceServers),
        });
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
      await setSipAccount(user.id, {
        address: form.address,
        authUser: form.authUser,
        password: form.password,
        webSocketUrl: form.webSocketUrl,
        displayName: form.displayName || null,
        dtmfTransport: form.dtmfTransport,
        iceServers: iceServersOf(form),
      });
      setErrors({});
      setExists(true);
      setForm((f) => ({ ...f, password: '', turnCredential: '' }));
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
  const field = (name: Exclude<keyof typeof emptyAccount, 'dtmfTransport'>, label: string, props: { type?: string; placeholder?: string; required?: boolean; autoComplete?: string }) => (
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
      <label className="field">
        <span className="field__label">Keys (DTMF)</span>
        <select name="dtmfTransport" value={form.dtmfTransport} onChange={(e) => setForm({ ...form, dtmfTransport: e.target.value as DtmfTransport })}>
          <option value="rfc4733">In the media (RFC 4733)</option>
          <option value="info">SIP INFO</option>
        </select>
        {errors.dtmfTransport && <span className="form-error">{errors.dtmfTransport.join(' ')}</span>}
      </label>
      <label className="field">
        <span className="field__label">STUN and TURN servers (one URL a line)</span>
        <textarea
          name="iceUrls"
          rows={3}
          value={form.iceUrls}
          placeholder={'stun:stun.example.org:3478\nturn:turn.example.org:3478?transport=udp'}
          aria-invalid={errors.iceServers ? true : undefined}
          onChange={(e) => setForm({ ...form, iceUrls: e.target.value })}
        />
        {errors.iceServers && <span className="form-error">{errors.iceServers.join(' ')}</span>}
      </label>
      {needsTurnCredential(form) && (
        <>
          {field('turnUsername', 'TURN user name', { required: true })}
          {field('turnCredential', exists ? 'TURN credential (type it again to save)' : 'TURN credential', { type: 'password', required: true, autoComplete: 'new-password' })}
        </>
      )}
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
