import { CtiModel, type CtiEventMap, type CtiEventName } from '@switchboard/cti';
import { createContext, useContext, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { getMe } from '../api/auth';
import { ApiError } from '../api/problem';
import { createHubModel } from '../connection/hubTransportSetting';
import { useNotices } from '../notices/NoticeContext';
import { ctiReducer, initialCtiState, type CtiAction, type CtiState } from './ctiState';

interface CtiApi {
  state: CtiState;
  /** Runs a command and shows its failure as a readable message; resolves to whether it succeeded. */
  run(command: (model: CtiModel) => Promise<unknown>): Promise<boolean>;
}

const CtiContext = createContext<CtiApi | null>(null);

// Every contract event that changes what the panel shows goes through the reducer.
const stateEvents: CtiEventName[] = [
  'initialized',
  'activeCallSnapshot',
  'callStarted',
  'commutationStarted',
  'callBusy',
  'hold',
  'unhold',
  'callInfoChanged',
  'callFinished',
  'lineStateChanged',
  'agentStateChanged',
  'callCentreStateChanged',
  'currentCallChanged',
  'dtmfEntered',
  'callSaved',
  'disconnected',
];

// Waits between failed first connections, the last repeating: a wrong web-phone password or an
// unreachable SIP server is not hammered.
const firstConnectRetriesMs = [5000, 10000, 20000, 40000, 60000];

interface CtiProviderProps {
  children: ReactNode;
  /**
   * Makes the model (the panel's choice of phone, or a test's); without it, one over the hub.
   * `onProblem` shows a readable message, e.g. for a transport setting it cannot use.
   */
  createModel?: (onProblem: (message: string) => void) => CtiModel;
  /** Called when the server no longer accepts the sign-in, so the page can ask for it again. */
  onSessionLost?: () => void;
  /** What the notice says when the first connection fails (the web phone says so in its own words). */
  connectFailure?: string;
}

/** Whether the sign-in cookie is no longer accepted (as opposed to the server being away). */
async function sessionExpired(): Promise<boolean> {
  try {
    await getMe();
    return false;
  } catch (error) {
    return error instanceof ApiError && error.status === 401;
  }
}

/** The `error` code the hub sends before it closes a connection whose session has ended. */
export const sessionEndedCode = 'session_ended';

/** Connects the signed-in user's CtiModel for as long as the provider is mounted. */
export function CtiProvider({ children, createModel, onSessionLost, connectFailure }: CtiProviderProps) {
  const { notify, fail } = useNotices();
  const [state, dispatch] = useReducer(ctiReducer, initialCtiState);
  const modelRef = useRef<CtiModel | null>(null);
  const createRef = useRef(createModel);
  const onSessionLostRef = useRef(onSessionLost);
  onSessionLostRef.current = onSessionLost;
  const connectFailureRef = useRef(connectFailure ?? 'Cannot connect to the server; trying again');

  // A model per mount: React may mount twice in development, and a stopped model is not restarted.
  useEffect(() => {
    const onProblem = (problem: string) => notify('error', problem);
    const model = createRef.current ? createRef.current(onProblem) : createHubModel(onProblem);
    modelRef.current = model;
    const unsubscribe = stateEvents.map((name) =>
      model.on(name, (payload) => dispatch({ type: name, payload } as CtiAction)),
    );
    unsubscribe.push(
      model.on('error', (e: CtiEventMap['error']) => {
        // The server closes a connection whose session ended (logout elsewhere, user removed,
        // disabled or changed): reconnecting would only be refused, so back to sign-in.
        if (e.code === sessionEndedCode) onSessionLostRef.current?.();
        else notify('error', e.message);
      }),
    );
    unsubscribe.push(
      model.on('disconnected', (e) => {
        if (e.source === 'pbx') notify('error', `The phone system is unreachable${e.reason ? `: ${e.reason}` : ''}. Calls resume when it is back.`);
      }),
    );
    let everConnected = false;
    unsubscribe.push(
      model.onConnectionStateChanged(({ state: connection, reason }) => {
        dispatch({ type: 'connection', state: connection, reason });
        if (connection === 'connected' && everConnected) notify('success', 'Connection to the server restored.');
        if (connection === 'connected') everConnected = true;
      }),
    );

    // The first connection is retried too: a panel opened while the server restarts gets there by itself.
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let unmounted = false;
    const connect = () => {
      model.start().catch(async (error: unknown) => {
        if (unmounted) return;
        if (await sessionExpired()) {
          onSessionLostRef.current?.();
          return;
        }

        fail(error, connectFailureRef.current);
        retry = setTimeout(connect, firstConnectRetriesMs[Math.min(failures++, firstConnectRetriesMs.length - 1)]);
      });
    };
    connect();
    return () => {
      unmounted = true;
      clearTimeout(retry);
      for (const stop of unsubscribe) stop();
      modelRef.current = null;
      void model.stop();
    };
  }, [notify, fail]);

  // The PBX coming back is news worth telling, as its loss was.
  const pbxWasDown = useRef(false);
  useEffect(() => {
    if (!state.ready) return;
    if (!state.pbxConnected) pbxWasDown.current = true;
    else if (pbxWasDown.current) {
      pbxWasDown.current = false;
      notify('success', 'The phone system is back.');
    }
  }, [state.ready, state.pbxConnected, notify]);

  const api = useMemo<CtiApi>(
    () => ({
      state,
      run: async (command) => {
        const model = modelRef.current;
        if (!model) {
          fail(new Error('Not connected to the server; the command was not sent.'));
          return false;
        }

        try {
          await command(model);
          return true;
        } catch (error) {
          fail(error);
          return false;
        }
      },
    }),
    [state, fail],
  );

  return <CtiContext.Provider value={api}>{children}</CtiContext.Provider>;
}

export function useCti(): CtiApi {
  const api = useContext(CtiContext);
  if (!api) throw new Error('useCti needs a CtiProvider above it.');
  return api;
}
